package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// UsageCell counts what one person made with one model. Every usage figure,
// personal or global, is a sum over cells, and the privacy rules count the
// distinct people behind a sum from the cells' UserID.
type UsageCell struct {
	ModelID string
	UserID  string
	// Generations counts generations of every status.
	Generations int64
	// Images and Videos count output files of that type.
	Images int64
	Videos int64
}

// UsageFilter selects the generations a usage query covers.
type UsageFilter struct {
	// UserID limits the query to one person's generations when not empty.
	UserID string
	// Since, when not zero, keeps generations created at or after it.
	Since time.Time
}

func (f UsageFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	q = q.Where("g.user_id IS NOT NULL")
	if f.UserID != "" {
		q = q.Where("g.user_id = ?", f.UserID)
	}
	if !f.Since.IsZero() {
		q = q.Where("g.created_at >= ?", f.Since.UTC())
	}
	return q
}

// UsageCells returns one cell per (model, person) pair that has at least one
// generation matching the filter, sorted by model id and then person id. On
// PostgreSQL both of its queries read one snapshot.
func UsageCells(ctx context.Context, db bun.IDB, f UsageFilter) ([]UsageCell, error) {
	if !IsPostgres(db) {
		return usageCells(ctx, db, f)
	}
	var cells []UsageCell
	opts := &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	err := db.RunInTx(ctx, opts, func(ctx context.Context, tx bun.Tx) error {
		var err error
		cells, err = usageCells(ctx, tx, f)
		return err
	})
	return cells, err
}

func usageCells(ctx context.Context, db bun.IDB, f UsageFilter) ([]UsageCell, error) {
	var generations []struct {
		ModelID string `bun:"model_id"`
		UserID  string `bun:"user_id"`
		Count   int64  `bun:"count"`
	}
	q := db.NewSelect().
		TableExpr("generations AS g").
		ColumnExpr("g.model_id").
		ColumnExpr("g.user_id").
		ColumnExpr("count(*) AS count").
		GroupExpr("g.model_id, g.user_id").
		OrderExpr("g.model_id, g.user_id")
	if err := f.apply(q).Scan(ctx, &generations); err != nil {
		return nil, fmt.Errorf("count generations by model and person: %w", err)
	}

	var outputs []struct {
		ModelID  string `bun:"model_id"`
		UserID   string `bun:"user_id"`
		FileType string `bun:"file_type"`
		Count    int64  `bun:"count"`
	}
	q = db.NewSelect().
		TableExpr("outputs AS o").
		Join("JOIN generations AS g ON g.id = o.generation_id").
		ColumnExpr("g.model_id").
		ColumnExpr("g.user_id").
		ColumnExpr("o.file_type").
		ColumnExpr("count(*) AS count").
		Where("o.file_type IN ('image', 'video')").
		GroupExpr("g.model_id, g.user_id, o.file_type")
	if err := f.apply(q).Scan(ctx, &outputs); err != nil {
		return nil, fmt.Errorf("count outputs by model, person and type: %w", err)
	}

	type key struct{ model, user string }
	cells := make([]UsageCell, len(generations))
	index := make(map[key]int, len(generations))
	for i, g := range generations {
		cells[i] = UsageCell{ModelID: g.ModelID, UserID: g.UserID, Generations: g.Count}
		index[key{g.ModelID, g.UserID}] = i
	}
	for _, o := range outputs {
		i, ok := index[key{o.ModelID, o.UserID}]
		if !ok {
			// On SQLite the two queries read separate snapshots, so a
			// generation inserted between them can have outputs but no cell.
			continue
		}
		switch o.FileType {
		case "image":
			cells[i].Images += o.Count
		case "video":
			cells[i].Videos += o.Count
		}
	}
	return cells, nil
}

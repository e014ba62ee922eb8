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
	banded, err := readCells(ctx, db, f, nil)
	if err != nil {
		return nil, err
	}
	cells := make([]UsageCell, len(banded))
	for i, c := range banded {
		cells[i] = c.UsageCell
	}
	return cells, nil
}

// BandCell counts what one person made with one model within one band of
// time.
type BandCell struct {
	UsageCell
	// Band is the index of the first start, in the starts given to
	// UsageBandCells, that the generations were created at or after, or
	// len(starts) for generations older than every start.
	Band int
}

// UsageBandCells returns one cell per (model, person, band) triple that has
// at least one generation, sorted by model id, person id and band. The
// starts split time into len(starts)+1 bands and must be in strictly
// descending order. Band 0 holds generations created at or after starts[0],
// including any dated after the current time. Band i holds those in
// [starts[i], starts[i-1]), and the last band everything older. One scan
// thus serves every range whose start is among starts. On PostgreSQL both of
// its queries read one snapshot.
func UsageBandCells(ctx context.Context, db bun.IDB, starts []time.Time) ([]BandCell, error) {
	if len(starts) == 0 {
		return nil, fmt.Errorf("read usage by band: missing band starts")
	}
	for i := 1; i < len(starts); i++ {
		if !starts[i].Before(starts[i-1]) {
			return nil, fmt.Errorf("read usage by band: invalid band starts: %s is not before %s, want descending order", starts[i].UTC(), starts[i-1].UTC())
		}
	}
	return readCells(ctx, db, UsageFilter{}, starts)
}

// readCells runs the cell queries, splitting them into bands when starts is
// not empty, inside one read-only snapshot on PostgreSQL.
func readCells(ctx context.Context, db bun.IDB, f UsageFilter, starts []time.Time) ([]BandCell, error) {
	if !IsPostgres(db) {
		return usageCells(ctx, db, f, starts)
	}
	var cells []BandCell
	opts := &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	err := db.RunInTx(ctx, opts, func(ctx context.Context, tx bun.Tx) error {
		var err error
		cells, err = usageCells(ctx, tx, f, starts)
		return err
	})
	return cells, err
}

// bandColumn adds to q the band of each generation as the column "band",
// and groups by it. With no starts it adds nothing, and every cell is in
// band 0.
func bandColumn(q *bun.SelectQuery, starts []time.Time) *bun.SelectQuery {
	if len(starts) == 0 {
		return q
	}
	expr := "CASE"
	args := make([]any, 0, len(starts))
	for i, start := range starts {
		expr += fmt.Sprintf(" WHEN g.created_at >= ? THEN %d", i)
		args = append(args, start.UTC())
	}
	expr += fmt.Sprintf(" ELSE %d END AS band", len(starts))
	return q.ColumnExpr(expr, args...).GroupExpr("band")
}

func usageCells(ctx context.Context, db bun.IDB, f UsageFilter, starts []time.Time) ([]BandCell, error) {
	var generations []struct {
		ModelID string `bun:"model_id"`
		UserID  string `bun:"user_id"`
		Band    int    `bun:"band"`
		Count   int64  `bun:"count"`
	}
	q := db.NewSelect().
		TableExpr("generations AS g").
		ColumnExpr("g.model_id").
		ColumnExpr("g.user_id").
		ColumnExpr("count(*) AS count").
		GroupExpr("g.model_id, g.user_id")
	q = bandColumn(q, starts)
	if len(starts) == 0 {
		q = q.OrderExpr("g.model_id, g.user_id")
	} else {
		q = q.OrderExpr("g.model_id, g.user_id, band")
	}
	if err := f.apply(q).Scan(ctx, &generations); err != nil {
		return nil, fmt.Errorf("count generations by model and person: %w", err)
	}

	var outputs []struct {
		ModelID  string `bun:"model_id"`
		UserID   string `bun:"user_id"`
		Band     int    `bun:"band"`
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
	q = bandColumn(q, starts)
	if err := f.apply(q).Scan(ctx, &outputs); err != nil {
		return nil, fmt.Errorf("count outputs by model, person and type: %w", err)
	}

	type key struct {
		model, user string
		band        int
	}
	cells := make([]BandCell, len(generations))
	index := make(map[key]int, len(generations))
	for i, g := range generations {
		cells[i] = BandCell{
			UsageCell: UsageCell{ModelID: g.ModelID, UserID: g.UserID, Generations: g.Count},
			Band:      g.Band,
		}
		index[key{g.ModelID, g.UserID, g.Band}] = i
	}
	for _, o := range outputs {
		i, ok := index[key{o.ModelID, o.UserID, o.Band}]
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

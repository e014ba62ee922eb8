package ui

import (
	"testing"

	"loupe/shared"
)

func TestCohortSentence(t *testing.T) {
	tests := []struct {
		have, need int64
		want       string
	}{
		{have: 3, need: 5, want: "3 of the 5 people needed have generated so far."},
		{have: 1, need: 5, want: "1 of the 5 people needed has generated so far."},
		{have: 0, need: 1, want: "0 of the 1 person needed have generated so far."},
	}
	for _, tt := range tests {
		if got := cohortSentence(tt.have, tt.need); got != tt.want {
			t.Errorf("cohortSentence(%d, %d) = %q; want %q", tt.have, tt.need, got, tt.want)
		}
	}
}

func TestModelRowsOtherUsesLabel(t *testing.T) {
	rows := modelRows([]shared.ModelShare{
		{ModelID: "gemini-veo-3.1", ModelName: "Veo 3.1", Provider: "Google", Type: shared.Video, Count: 5, Percentage: 62.5},
		{ModelID: "replicate-reve", Provider: "Reve", Count: 2, Percentage: 25},
		{ModelID: shared.OtherModelID, Other: true, Label: "Other (3 models)", Count: 1, Percentage: 12.5},
	})

	if len(rows) != 3 {
		t.Fatalf("len(modelRows) = %d; want 3", len(rows))
	}
	if rows[0].Name != "Veo 3.1" || rows[0].Detail != "Google · Video" {
		t.Errorf("rows[0] = %q, %q; want \"Veo 3.1\", \"Google · Video\"", rows[0].Name, rows[0].Detail)
	}
	if rows[1].Name != "replicate-reve" {
		t.Errorf("rows[1].Name = %q; want the model id when the name is missing", rows[1].Name)
	}
	if !rows[2].Other || rows[2].Name != "Other (3 models)" || rows[2].Detail != "" {
		t.Errorf("rows[2] = %+v; want the Other row named by its label with no detail", rows[2])
	}
}

func TestTopNamedModelsSkipsOther(t *testing.T) {
	models := []shared.ModelShare{
		{ModelID: "a", Count: 9},
		{ModelID: shared.OtherModelID, Other: true, Count: 8},
		{ModelID: "b", Count: 5},
		{ModelID: "c", Count: 3},
		{ModelID: "d", Count: 1},
	}

	top := topNamedModels(models, 3)

	var ids []string
	for _, m := range top {
		ids = append(ids, m.ModelID)
	}
	if len(ids) != 3 || ids[0] != "a" || ids[1] != "b" || ids[2] != "c" {
		t.Errorf("topNamedModels(…, 3) = %v; want [a b c]", ids)
	}
}

func TestWithheldNote(t *testing.T) {
	if got, want := withheldNote(5), "Hidden: it could reveal the activity of fewer than 5 people"; got != want {
		t.Errorf("withheldNote(5) = %q; want %q", got, want)
	}
}

func TestSuppressionSentence(t *testing.T) {
	tests := []struct {
		name       string
		suppressed *shared.Suppressed
		want       string
	}{
		{name: "none sent", suppressed: nil, want: ""},
		{name: "all zero", suppressed: &shared.Suppressed{}, want: ""},
		{name: "one model", suppressed: &shared.Suppressed{Models: 1}, want: "1 rarely used model is grouped as Other so no one can be singled out."},
		{name: "three models", suppressed: &shared.Suppressed{Models: 3}, want: "3 rarely used models are grouped as Other so no one can be singled out."},
		{name: "two kinds", suppressed: &shared.Suppressed{Models: 2, Providers: 1}, want: "2 rarely used models and 1 provider are grouped as Other so no one can be singled out."},
		{name: "three kinds", suppressed: &shared.Suppressed{Models: 3, Providers: 2, Types: 1}, want: "3 rarely used models, 2 providers and 1 media type are grouped as Other so no one can be singled out."},
		{name: "providers only", suppressed: &shared.Suppressed{Providers: 2}, want: "2 rarely used providers are grouped as Other so no one can be singled out."},
	}
	for _, tt := range tests {
		if got := suppressionSentence(tt.suppressed); got != tt.want {
			t.Errorf("suppressionSentence(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestThresholdSentence(t *testing.T) {
	tests := []struct {
		k    int64
		want string
	}{
		{k: 5, want: "Global figures include only groups of at least 5 people."},
		{k: 1000, want: "Global figures include only groups of at least 1,000 people."},
		{k: 0, want: "Global figures include only groups large enough that no one can be singled out."},
	}
	for _, tt := range tests {
		if got := thresholdSentence(tt.k); got != tt.want {
			t.Errorf("thresholdSentence(%d) = %q; want %q", tt.k, got, tt.want)
		}
	}
}

func TestTypeRowsOtherUsesLabel(t *testing.T) {
	rows := typeRows([]shared.TypeShare{
		{Type: shared.Image, Count: 8, Percentage: 80},
		{Type: shared.OtherMediaType, Other: true, Label: "Other (1 type)", Count: 2, Percentage: 20},
	})

	if rows[0].Name != "Images" || rows[0].Other {
		t.Errorf("rows[0] = %+v; want Images, not Other", rows[0])
	}
	if rows[1].Name != "Other (1 type)" || !rows[1].Other {
		t.Errorf("rows[1] = %+v; want the Other row named by its label", rows[1])
	}
}

func TestRowKeys(t *testing.T) {
	models := modelRows([]shared.ModelShare{
		{ModelID: "gemini-veo-3.1", Count: 5, Percentage: 62.5},
		{ModelID: shared.OtherModelID, Other: true, Label: "Other (3 models)", Count: 3, Percentage: 37.5},
	})
	providers := providerRows([]shared.ProviderShare{
		{Provider: "Google", Count: 5, Percentage: 62.5},
		{Provider: "", Count: 1, Percentage: 12.5},
		{Provider: shared.OtherProvider, Other: true, Label: "Other (2 providers)", Count: 2, Percentage: 25},
	})
	types := typeRows([]shared.TypeShare{
		{Type: shared.Video, Count: 5, Percentage: 62.5},
		{Type: shared.OtherMediaType, Other: true, Label: "Other (1 type)", Count: 3, Percentage: 37.5},
	})

	var got []string
	for _, rows := range [][]shareRow{models, providers, types} {
		for _, row := range rows {
			got = append(got, row.Key)
		}
	}
	want := []string{"model:gemini-veo-3.1", "model:other", "provider:Google", "provider:Unknown", "provider:other", "type:video", "type:other"}
	if len(got) != len(want) {
		t.Fatalf("row keys = %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row key %d = %q; want %q", i, got[i], want[i])
		}
	}
}

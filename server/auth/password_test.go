package auth

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPasswordHashRoundTrip(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$"), "HashPassword prefix: %s", hash)

	ok, err := VerifyPassword(hash, "correct horse battery")
	require.NoError(t, err)
	assert.True(t, ok, "VerifyPassword(right password)")

	ok, err = VerifyPassword(hash, "correct horse batterY")
	require.NoError(t, err)
	assert.False(t, ok, "VerifyPassword(wrong password)")
}

func TestPasswordHashesAreSalted(t *testing.T) {
	first, err := HashPassword("same password")
	require.NoError(t, err)
	second, err := HashPassword("same password")
	require.NoError(t, err)
	assert.NotEqual(t, first, second, "two hashes of one password")
}

func TestVerifyPasswordMalformedHash(t *testing.T) {
	for _, hash := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x$c2FsdA$aGFzaA", "$argon2id$v=19$m=1,t=1,p=1$!!$aGFzaA"} {
		_, err := VerifyPassword(hash, "password")
		assert.ErrorIs(t, err, ErrMalformedHash, "VerifyPassword(%q)", hash)
	}
}

func TestNormalizeEmail(t *testing.T) {
	got, err := NormalizeEmail("  Ana.Lima@Example.COM ")
	require.NoError(t, err)
	assert.Equal(t, "ana.lima@example.com", got)
	for _, bad := range []string{"", "ana", "Ana <ana@example.com>", "ana@", "@example.com"} {
		_, err := NormalizeEmail(bad)
		assert.Error(t, err, "NormalizeEmail(%q)", bad)
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("correct horse battery"); err != nil {
			b.Fatal(err)
		}
	}
}

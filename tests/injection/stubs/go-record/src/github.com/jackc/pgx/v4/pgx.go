// Package pgx is a recording test double with pgx v4's Connect/Close; the
// real package is used by go vet, this one when the snippet runs.
package pgx

import (
	"context"
	"encoding/hex"
	"fmt"
)

type Conn struct{}

func Connect(_ context.Context, connString string) (*Conn, error) {
	fmt.Println("RECORDED", hex.EncodeToString([]byte(connString)))
	return &Conn{}, nil
}

func (c *Conn) Close(_ context.Context) error { return nil }

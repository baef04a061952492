// Package pq is a recording test double registering the "postgres"
// database/sql driver; the real lib/pq is used by go vet.
package pq

import (
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
)

type recorder struct{}

type conn struct{}

func (conn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("not supported") }
func (conn) Close() error                        { return nil }
func (conn) Begin() (driver.Tx, error)           { return nil, errors.New("not supported") }

func (recorder) Open(name string) (driver.Conn, error) {
	fmt.Println("RECORDED", hex.EncodeToString([]byte(name)))
	return conn{}, nil
}

func init() { sql.Register("postgres", recorder{}) }

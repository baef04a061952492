// Package gorm is a test double with the part of GORM's API the snippet uses
// (GORM is not packaged in Debian). It prints the DSN it was opened with.
package gorm

import (
	"encoding/hex"
	"fmt"
)

type Dialector interface {
	Name() string
	DSN() string
}

type Config struct{}

type DB struct {
	Dialector Dialector
}

func Open(dialector Dialector, _ *Config) (*DB, error) {
	fmt.Println("RECORDED", hex.EncodeToString([]byte(dialector.DSN())))
	return &DB{Dialector: dialector}, nil
}

// Package postgres is a test double for gorm.io/driver/postgres.
package postgres

type Dialector struct{ dsn string }

func (d Dialector) Name() string { return "postgres" }
func (d Dialector) DSN() string  { return d.dsn }

func Open(dsn string) Dialector { return Dialector{dsn: dsn} }

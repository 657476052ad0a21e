module github.com/example/wmsbridge

go 1.22

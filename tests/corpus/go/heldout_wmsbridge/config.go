package main

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is read once at startup from the environment.
type Config struct {
	APIHost      string // FORTNOX_API_HOST, e.g. https://api.fortnox.se
	AccessToken  string
	ShopBaseURL  string
	ShopAPIKey   string
	ListenAddr   string
	SyncInterval time.Duration
	MaxRetries   int
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func LoadConfig() Config {
	interval, err := time.ParseDuration(getenv("SYNC_INTERVAL", "5m"))
	if err != nil {
		interval = 5 * time.Minute
	}
	retries, err := strconv.Atoi(getenv("MAX_RETRIES", "4"))
	if err != nil {
		retries = 4
	}
	return Config{
		APIHost:      strings.TrimRight(getenv("FORTNOX_API_HOST", "https://api.fortnox.se"), "/"),
		AccessToken:  os.Getenv("FORTNOX_ACCESS_TOKEN"),
		ShopBaseURL:  strings.TrimRight(getenv("SHOP_BASE_URL", "https://shop.example.com"), "/"),
		ShopAPIKey:   os.Getenv("SHOP_API_KEY"),
		ListenAddr:   getenv("LISTEN_ADDR", ":8080"),
		SyncInterval: interval,
		MaxRetries:   retries,
	}
}

// APIBase is the root of the v3 REST API.
func (c Config) APIBase() string {
	return c.APIHost + "/3"
}

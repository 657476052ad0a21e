package main

import (
	"encoding/json"
	"net/http"
	"os"

	"example.com/shop/fortnox"
)

func main() {
	client := fortnox.New(os.Getenv("FORTNOX_TOKEN"))
	http.HandleFunc("/articles", func(w http.ResponseWriter, r *http.Request) {  // fortnox: none own-route
		articles, _ := client.Articles(r.Context())
		_ = json.NewEncoder(w).Encode(articles)
	})
	_ = http.ListenAndServe(":8080", nil)
}

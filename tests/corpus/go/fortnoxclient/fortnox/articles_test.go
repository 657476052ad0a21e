package fortnox

import "testing"

func TestArticles(t *testing.T) {
	url := "https://api.fortnox.se/3/articles"  // fortnox: none test
	_ = url
}

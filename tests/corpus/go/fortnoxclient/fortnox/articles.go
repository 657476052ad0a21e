package fortnox

import (
	"context"
	"fmt"
	"net/http"
)

const articlesURI = "articles"  // fortnox: cross-file /3/articles article

type Article struct {
	ArticleNumber string
	Description   string
}

func (c *Client) Articles(ctx context.Context) ([]Article, error) {
	var resp struct{ Articles []Article }
	err := c.get(ctx, articlesURI, &resp)
	return resp.Articles, err
}

func (c *Client) UpdateArticle(ctx context.Context, a Article) error {
	path := fmt.Sprintf("articles/%s", a.ArticleNumber)  // fortnox: format PUT /3/articles/{} article
	return c.do(ctx, http.MethodPut, path, map[string]Article{"Article": a}, nil)
}

func (c *Client) PriceList(ctx context.Context, code string) (map[string]any, error) {
	out := map[string]any{}
	err := c.get(ctx, "pricelists/"+code, &out)  // fortnox: cross-file GET /3/pricelists/{} price
	return out, err
}

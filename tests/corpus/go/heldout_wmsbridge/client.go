package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client talks to the accounting API (v3) and the warehouse API.
type Client struct {
	host       string // https://api.fortnox.se
	baseURL    string // https://api.fortnox.se/3
	token      string
	hc         *http.Client
	maxRetries int
}

func NewClient(cfg Config) *Client {
	return &Client{
		host:       cfg.APIHost,
		baseURL:    cfg.APIBase(),
		token:      cfg.AccessToken,
		hc:         &http.Client{Timeout: 30 * time.Second},
		maxRetries: cfg.MaxRetries,
	}
}

type APIError struct {
	Status int
	Body   string
}

func (e *APIError) Error() string { return fmt.Sprintf("api error %d: %s", e.Status, e.Body) }

// do calls a v3 resource, path is relative to baseURL ("/customers/10").  // fortnox: none comment
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	return c.doURL(ctx, method, c.baseURL+path, in, out)
}

// raw calls a path relative to the API host ("/3/..." or "/api/warehouse/...").
func (c *Client) raw(ctx context.Context, method, p string, in, out any) error {
	return c.doURL(ctx, method, c.host+p, in, out)
}

func (c *Client) doURL(ctx context.Context, method, u string, in, out any) error {
	var payload []byte
	if in != nil {
		var err error
		if payload, err = json.Marshal(in); err != nil {
			return err
		}
	}
	backoff := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+c.token)
		req.Header.Set("Accept", "application/json")
		if in != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()

		if (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500) && attempt < c.maxRetries {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(backoff):
			}
			backoff *= 2
			continue
		}
		if resp.StatusCode >= 300 {
			return &APIError{Status: resp.StatusCode, Body: string(body)}
		}
		if out == nil || len(body) == 0 {
			return nil
		}
		return json.Unmarshal(body, out)
	}
}

type Customer struct {
	CustomerNumber     string `json:"CustomerNumber,omitempty"`
	Name               string `json:"Name"`
	Email              string `json:"Email,omitempty"`
	OrganisationNumber string `json:"OrganisationNumber,omitempty"`
}

// GetCustomer fetches one customer, e.g.
// GET https://api.fortnox.se/3/customers/1001 -> {"Customer": {...}}  // fortnox: none comment
func (c *Client) GetCustomer(ctx context.Context, number string) (*Customer, error) {
	var wrap struct{ Customer Customer }
	if err := c.do(ctx, http.MethodGet, "/customers/"+url.PathEscape(number), nil, &wrap); err != nil { // fortnox: helper GET /3/customers/{} customer
		return nil, err
	}
	return &wrap.Customer, nil
}

func (c *Client) CreateCustomer(ctx context.Context, cu Customer) (*Customer, error) {
	var wrap struct{ Customer Customer }
	err := c.do(ctx, http.MethodPost, "/customers", map[string]Customer{"Customer": cu}, &wrap) // fortnox: helper POST /3/customers customer
	if err != nil {
		return nil, err
	}
	return &wrap.Customer, nil
}

type Article struct {
	ArticleNumber string  `json:"ArticleNumber"`
	Description   string  `json:"Description"`
	SalesPrice    float64 `json:"SalesPrice"`
	StockGoods    bool    `json:"StockGoods"`
}

// ListArticles walks all pages of the article register.
func (c *Client) ListArticles(ctx context.Context) ([]Article, error) {
	var all []Article
	for page := 1; ; page++ {
		var resp struct {
			Meta struct {
				TotalPages int `json:"@TotalPages"`
			} `json:"MetaInformation"`
			Articles []Article
		}
		path := fmt.Sprintf("/articles?page=%d&limit=%d", page, 500) // fortnox: helper GET /3/articles article
		if err := c.do(ctx, http.MethodGet, path, nil, &resp); err != nil {
			return nil, err
		}
		all = append(all, resp.Articles...)
		if page >= resp.Meta.TotalPages {
			return all, nil
		}
	}
}

func (c *Client) BookkeepSupplierInvoice(ctx context.Context, givenNumber int) error {
	return c.do(ctx, http.MethodPut, fmt.Sprintf("/supplierinvoices/%d/bookkeep", givenNumber), nil, nil) // fortnox: helper PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
}

// CreditInvoice creates a credit note for a returned shipment.
func (c *Client) CreditInvoice(ctx context.Context, documentNumber int) (int, error) {
	var wrap struct {
		Invoice struct {
			CreditInvoiceReference string
		}
	}
	u := c.baseURL + "/invoices/" + strconv.Itoa(documentNumber) + "/credit" // fortnox: v3-base PUT /3/invoices/{}/credit invoice
	if err := c.doURL(ctx, http.MethodPut, u, nil, &wrap); err != nil {
		return 0, err
	}
	return strconv.Atoi(wrap.Invoice.CreditInvoiceReference)
}

type CompanyInfo struct {
	CompanyName        string
	OrganizationNumber string
}

func (c *Client) CompanyInformation(ctx context.Context) (*CompanyInfo, error) {
	var wrap struct{ CompanyInformation CompanyInfo }
	if err := c.raw(ctx, http.MethodGet, "/3/companyinformation", nil, &wrap); err != nil { // fortnox: path GET /3/companyinformation companyinformation
		return nil, err
	}
	return &wrap.CompanyInformation, nil
}

// --- warehouse ---------------------------------------------------------------

type StockBalance struct {
	ItemID       string  `json:"itemId"`
	StockPointID string  `json:"stockPointId"`
	Available    float64 `json:"availableStock"`
}

func (c *Client) StockBalances(ctx context.Context, itemIDs []string) ([]StockBalance, error) {
	q := url.Values{}
	q.Set("itemIds", strings.Join(itemIDs, ","))
	var out []StockBalance
	err := c.doURL(ctx, http.MethodGet, c.host+"/api/warehouse/status-v1/stockbalance?"+q.Encode(), nil, &out) // fortnox: host-base GET /api/warehouse/status-v1/stockbalance warehouse
	return out, err
}

type StockLocation struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

func (c *Client) StockLocations(ctx context.Context, stockPointID string) ([]StockLocation, error) {
	u := fmt.Sprintf("%s/api/warehouse/stockpoints-v1/%s/stocklocations", c.host, url.PathEscape(stockPointID)) // fortnox: format GET /api/warehouse/stockpoints-v1/{}/stocklocations warehouse
	var out []StockLocation
	err := c.doURL(ctx, http.MethodGet, u, nil, &out)
	return out, err
}

type PurchaseOrderRow struct {
	ItemID   string  `json:"itemId"`
	Quantity float64 `json:"orderedQuantity"`
}

type PurchaseOrder struct {
	ID             int                `json:"id,omitempty"`
	SupplierNumber string             `json:"supplierNumber"`
	StockPointCode string             `json:"stockPointCode"`
	DeliveryDate   string             `json:"deliveryDate"`
	Rows           []PurchaseOrderRow `json:"rows"`
}

func (c *Client) CreatePurchaseOrder(ctx context.Context, po PurchaseOrder) (*PurchaseOrder, error) {
	var created PurchaseOrder
	if err := c.doURL(ctx, http.MethodPost, c.host+"/api/warehouse/purchaseorders-v1", po, &created); err != nil { // fortnox: host-base POST /api/warehouse/purchaseorders-v1 warehouse
		return nil, err
	}
	return &created, nil
}

func (c *Client) ReleaseIncomingGoods(ctx context.Context, id int) error {
	u := fmt.Sprintf("%s/api/warehouse/incominggoods-v1/%d/release", c.host, id) // fortnox: format PUT /api/warehouse/incominggoods-v1/{}/release warehouse
	return c.doURL(ctx, http.MethodPut, u, nil, nil)
}

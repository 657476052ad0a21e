package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"
)

// Syncer moves paid web-shop orders into accounting and keeps ledger snapshots
// for the BI team.
type Syncer struct {
	cfg    Config
	client *Client
	hc     *http.Client

	mu      sync.Mutex
	lastRun map[string]time.Time
}

func NewSyncer(cfg Config, client *Client) *Syncer {
	return &Syncer{cfg: cfg, client: client, hc: &http.Client{Timeout: 20 * time.Second}, lastRun: map[string]time.Time{}}
}

// ledgerResources lists what gets snapshotted every night: name -> path.
var ledgerResources = map[string]string{
	"invoices":         "/invoices",         // fortnox: route-table /3/invoices invoice
	"supplierinvoices": "/supplierinvoices", // fortnox: route-table /3/supplierinvoices supplierinvoice
	"payments":         "/invoicepayments",  // fortnox: route-table /3/invoicepayments payment
}

func (s *Syncer) SnapshotLedger(ctx context.Context, fromDate string) (map[string]json.RawMessage, error) {
	out := make(map[string]json.RawMessage, len(ledgerResources))
	for name, p := range ledgerResources {
		var raw json.RawMessage
		if err := s.client.do(ctx, http.MethodGet, p+"?fromdate="+fromDate, nil, &raw); err != nil {
			return nil, fmt.Errorf("snapshot %s: %w", name, err)
		}
		out[name] = raw
	}
	s.mu.Lock()
	s.lastRun["invoices"] = time.Now() // fortnox: none label
	s.mu.Unlock()
	return out, nil
}

type shopOrder struct {
	ID         int    `json:"id"`
	CustomerNo string `json:"customer_number"`
	Lines      []struct {
		SKU string  `json:"sku"`
		Qty float64 `json:"qty"`
	} `json:"lines"`
}

func (s *Syncer) fetchPaidShopOrders(ctx context.Context) ([]shopOrder, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.ShopBaseURL+"/api/orders?status=paid", nil) // fortnox: none other-api
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", s.cfg.ShopAPIKey)
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page struct {
		Results []shopOrder `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return page.Results, nil
}

type orderRow struct {
	ArticleNumber     string  `json:"ArticleNumber"`
	OrderedQuantity   float64 `json:"OrderedQuantity"`
	DeliveredQuantity float64 `json:"DeliveredQuantity"`
}

type order struct {
	DocumentNumber  string     `json:"DocumentNumber,omitempty"`
	CustomerNumber  string     `json:"CustomerNumber"`
	YourOrderNumber string     `json:"YourOrderNumber"`
	Project         string     `json:"Project,omitempty"`
	OrderRows       []orderRow `json:"OrderRows"`
}

func (s *Syncer) activeProjects(ctx context.Context) (map[string]bool, error) {
	var resp struct {
		Projects []struct {
			ProjectNumber string
			Status        string
		}
	}
	if err := s.client.do(ctx, http.MethodGet, "/projects", nil, &resp); err != nil { // fortnox: cross-file GET /3/projects project
		return nil, err
	}
	active := map[string]bool{}
	for _, p := range resp.Projects {
		if p.Status == "ONGOING" {
			active[p.ProjectNumber] = true
		}
	}
	return active, nil
}

func (s *Syncer) PushOrders(ctx context.Context, project string) error {
	orders, err := s.fetchPaidShopOrders(ctx)
	if err != nil {
		return err
	}
	projects, err := s.activeProjects(ctx)
	if err != nil {
		return err
	}
	for _, so := range orders {
		o := order{CustomerNumber: so.CustomerNo, YourOrderNumber: fmt.Sprint(so.ID)}
		if projects[project] {
			o.Project = project
		}
		for _, l := range so.Lines {
			o.OrderRows = append(o.OrderRows, orderRow{ArticleNumber: l.SKU, OrderedQuantity: l.Qty, DeliveredQuantity: l.Qty})
		}
		var created struct{ Order order }
		if err := s.client.do(ctx, http.MethodPost, "/orders", map[string]order{"Order": o}, &created); err != nil { // fortnox: cross-file POST /3/orders order
			log.Printf("order %d rejected: %v", so.ID, err)
			continue
		}
		path := fmt.Sprintf("/orders/%s/createinvoice", created.Order.DocumentNumber) // fortnox: cross-file PUT /3/orders/{}/createinvoice order
		if err := s.client.do(ctx, http.MethodPut, path, nil, nil); err != nil {
			log.Printf("createinvoice for order %s: %v", created.Order.DocumentNumber, err)
		}
	}
	s.mu.Lock()
	s.lastRun["orders"] = time.Now()
	s.mu.Unlock()
	return nil
}

// BookStockAdjustment posts a manual voucher when a stock-take finds a difference.
func (s *Syncer) BookStockAdjustment(ctx context.Context, amount float64, description string) error {
	voucher := map[string]any{
		"Voucher": map[string]any{
			"VoucherSeries":   "A",
			"Description":     description,
			"TransactionDate": time.Now().Format("2006-01-02"),
			"VoucherRows": []map[string]any{
				{"Account": 1460, "Debit": amount},
				{"Account": 4990, "Credit": amount},
			},
		},
	}
	return s.client.doURL(ctx, http.MethodPost, s.cfg.APIBase()+"/vouchers", voucher, nil) // fortnox: cross-file POST /3/vouchers bookkeeping
}

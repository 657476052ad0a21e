package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// checkToken makes sure the access token is valid before we start the loops.
func checkToken(ctx context.Context, cfg Config) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.fortnox.se/3/me", nil) // fortnox: url GET /3/me profile
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("token check: status %d", resp.StatusCode)
	}
	var me struct{ Me struct{ Email string } }
	if err := json.NewDecoder(resp.Body).Decode(&me); err != nil {
		return "", err
	}
	return me.Me.Email, nil
}

type server struct {
	client *Client
	syncer *Syncer
}

// handleCustomer serves customer lookups for the support dashboard.
func (s *server) handleCustomer(w http.ResponseWriter, r *http.Request) {
	number := r.URL.Query().Get("number")
	if number == "" {
		http.Error(w, "number required", http.StatusBadRequest)
		return
	}
	cu, err := s.client.GetCustomer(r.Context(), number)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound {
		http.NotFound(w, r)
		return
	} else if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(cu)
}

func (s *server) handleStock(w http.ResponseWriter, r *http.Request) {
	balances, err := s.client.StockBalances(r.Context(), r.URL.Query()["item"])
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(balances)
}

func (s *server) handleIncoming(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	if err := s.client.ReleaseIncomingGoods(r.Context(), id); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	cfg := LoadConfig()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	email, err := checkToken(ctx, cfg)
	if err != nil {
		log.Fatalf("startup check against https://api.fortnox.se/3/me failed: %v", err) // fortnox: none log
	}
	log.Printf("authenticated as %s", email)

	client := NewClient(cfg)
	syncer := NewSyncer(cfg, client)
	srv := &server{client: client, syncer: syncer}

	mux := http.NewServeMux()
	mux.HandleFunc("/customers", srv.handleCustomer) // fortnox: none own-route
	mux.HandleFunc("/stock", srv.handleStock)
	mux.HandleFunc("/incoming/release", srv.handleIncoming)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })

	go func() {
		t := time.NewTicker(cfg.SyncInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := syncer.PushOrders(ctx, os.Getenv("WEBSHOP_PROJECT")); err != nil {
					log.Printf("push orders: %v", err)
				}
			}
		}
	}()

	httpSrv := &http.Server{Addr: cfg.ListenAddr, Handler: mux}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		httpSrv.Shutdown(shutdownCtx)
	}()
	log.Printf("listening on %s", cfg.ListenAddr)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

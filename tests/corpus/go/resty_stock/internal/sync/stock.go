package sync

import (
	"fmt"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
)

type Syncer struct {
	api *resty.Client
	wms *resty.Client
}

func NewSyncer() *Syncer {
	api := resty.New().
		SetBaseURL("https://api.fortnox.se/api/warehouse").
		SetAuthToken(os.Getenv("FORTNOX_TOKEN"))
	wms := resty.New().SetBaseURL("https://wms.example.com/v2")
	return &Syncer{api: api, wms: wms}
}

func (s *Syncer) StockPoints() (map[string]any, error) {
	var out map[string]any
	_, err := s.api.R().SetResult(&out).Get("/stockpoints-v1")  // fortnox: v3-base GET /api/warehouse/stockpoints-v1 warehouse
	return out, err
}

func (s *Syncer) Receive(id string) error {
	_, err := s.api.R().Put(fmt.Sprintf("/incominggoods-v1/%s/completed", id))  // fortnox: format PUT /api/warehouse/incominggoods-v1/{}/completed warehouse
	return err
}

func (s *Syncer) WmsOrders() (map[string]any, error) {
	var out map[string]any
	_, err := s.wms.R().SetResult(&out).Get("/orders")  // fortnox: none other-api
	return out, err
}

func Routes(r *gin.Engine, s *Syncer) {
	r.GET("/orders", func(c *gin.Context) { c.JSON(200, gin.H{}) })  // fortnox: none own-route
	r.POST("/invoices/:id/sync", func(c *gin.Context) { c.Status(202) })  // fortnox: none own-route
}

package fortnox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

type Client struct {
	baseURL    string
	token      string
	httpClient *http.Client
}

func NewClient(token string) *Client {
	return &Client{baseURL: "https://api.fortnox.se/3", token: token, httpClient: http.DefaultClient}
}

func (c *Client) newRequest(method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequest(method, c.baseURL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return req, nil
}

func (c *Client) GetProjects() (map[string]any, error) {
	req, err := c.newRequest("GET", "/projects", nil)  // fortnox: v3-base GET /3/projects project
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *Client) CreateProject(p map[string]any) (map[string]any, error) {
	b, _ := json.Marshal(map[string]any{"Project": p})
	req, err := c.newRequest(http.MethodPost, "/projects", strings.NewReader(string(b)))  // fortnox: v3-base POST /3/projects project
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *Client) Employee(id string) (map[string]any, error) {
	req, err := c.newRequest("GET", fmt.Sprintf("/employees/%s", id), nil)  // fortnox: v3-base GET /3/employees/{} salary
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *Client) do(req *http.Request) (map[string]any, error) {
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := map[string]any{}
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

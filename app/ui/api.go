package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// requestTimeout bounds every API request, from sending it to reading the
// whole body. A request that runs longer counts as the server being
// unavailable.
const requestTimeout = 10 * time.Second

// maxErrorBody is how much of an error response is read to find its message.
const maxErrorBody = 64 << 10

// apiError is a response with a 4xx or 5xx status.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("status %d (%s): %s", e.Status, e.Code, e.Message)
}

// networkError is a request that never got a response: the browser is
// offline, the server cannot be reached, or the connection broke.
type networkError struct {
	err error
}

func (e *networkError) Error() string { return e.err.Error() }

func (e *networkError) Unwrap() error { return e.err }

// failure classifies why a request failed, which decides what the UI shows
// in place of fresh figures.
type failure string

const (
	// failureNone is the failure of a request that succeeded.
	failureNone failure = ""
	// failureOffline is a request that got no response at all.
	failureOffline failure = "offline"
	// failureServer is a 5xx response, a timeout or a body that is not the
	// JSON the API sends.
	failureServer failure = "server"
	// failureRequest is any other error response, such as 400 or 401.
	failureRequest failure = "request"
)

// classifyFailure returns the kind of failure err is, or failureNone for a
// nil err.
func classifyFailure(err error) failure {
	var apiErr *apiError
	var netErr *networkError
	switch {
	case err == nil:
		return failureNone
	case errors.As(err, &apiErr) && apiErr.Status >= 500:
		return failureServer
	case errors.As(err, &apiErr):
		return failureRequest
	case errors.Is(err, context.DeadlineExceeded):
		return failureServer
	case errors.As(err, &netErr):
		return failureOffline
	default:
		return failureServer
	}
}

// isUnauthenticated reports whether err is the API's 401 response to a
// request without a valid session.
func isUnauthenticated(err error) bool {
	var apiErr *apiError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusUnauthorized
}

// userMessage returns a sentence about err that can be shown to the person.
// It shows the API's own message when there is one and never shows Go's
// internal error text.
func userMessage(err error) string {
	var apiErr *apiError
	switch {
	case errors.As(err, &apiErr) && apiErr.Message != "":
		return apiErr.Message
	case errors.As(err, &apiErr):
		return fmt.Sprintf("The server answered with status %d. Try again in a moment.", apiErr.Status)
	case errors.Is(err, context.DeadlineExceeded):
		return "The server took too long to answer. Try again in a moment."
	case classifyFailure(err) == failureOffline:
		return "Could not reach Loupe. Check your connection and try again."
	default:
		return "The server sent an answer Loupe could not read. Try again in a moment."
	}
}

// getJSON sends GET path to the origin that served the page and decodes the
// JSON body into out. path may carry a query string.
func getJSON(ctx context.Context, path string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()

	res, err := send(ctx, http.MethodGet, path, nil)
	if err != nil {
		return err
	}
	defer res.Body.Close()

	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		if ctx.Err() != nil {
			// The timeout aborted the body mid-read. Report the timeout,
			// not the broken read it caused.
			return fmt.Errorf("reading %s: %w", path, ctx.Err())
		}
		return fmt.Errorf("decoding %s: %w", path, err)
	}
	return nil
}

// postJSON sends POST path with body encoded as JSON, or with no body when
// body is nil, and discards the response body.
func postJSON(ctx context.Context, path string, body any) error {
	var payload io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encoding body of %s: %w", path, err)
		}
		payload = bytes.NewReader(b)
	}

	res, err := send(ctx, http.MethodPost, path, payload)
	if err != nil {
		return err
	}
	defer res.Body.Close()

	_, _ = io.Copy(io.Discard, res.Body)
	return nil
}

// send makes one request with requestTimeout and returns the response when
// its status is below 400. For any other status it returns an *apiError
// holding the shared.ErrorResponse the API sent, and when no response
// arrived at all, a *networkError.
//
// In the browser, net/http uses the Fetch API, and the session cookie goes
// with the request because its credentials mode is same-origin.
func send(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)

	req, err := http.NewRequestWithContext(ctx, method, apiURL(path), body)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("building %s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("js.fetch:credentials", "same-origin")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}

	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return nil, fmt.Errorf("%s %s: %w", method, path, err)
		}
		return nil, &networkError{err: fmt.Errorf("%s %s: %w", method, path, err)}
	}
	res.Body = cancelOnClose{ReadCloser: res.Body, cancel: cancel}

	if res.StatusCode < 400 {
		return res, nil
	}
	defer res.Body.Close()

	apiErr := &apiError{Status: res.StatusCode}
	var errBody shared.ErrorResponse
	if json.NewDecoder(io.LimitReader(res.Body, maxErrorBody)).Decode(&errBody) == nil {
		apiErr.Code = errBody.Error.Code
		apiErr.Message = errBody.Error.Message
	}
	return nil, apiErr
}

// apiURL returns the absolute URL of path on the origin that served the
// page, because net/http accepts no relative URL.
func apiURL(path string) string {
	origin := app.Window().URL()
	if origin.Host == "" {
		return path
	}
	return origin.Scheme + "://" + origin.Host + path
}

// cancelOnClose releases the request's timeout when the body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

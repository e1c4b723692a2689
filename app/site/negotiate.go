//go:build !wasm

package site

import (
	"strconv"
	"strings"
)

// negotiate chooses among the encodings offered and the file as it is ("identity") by
// the Accept-Encoding header of a request (its values, nil when it has none), as HTTP
// defines it (RFC 9110, 12.5.3): the encoding the browser weighs highest (q), the
// earlier offered on a tie, unless the header weighs identity higher still. It reports
// false for identity, which is also the answer when the browser accepts no encoding
// offered (even if it refuses identity too: a 406 would leave it with no file at all)
// and when it sends no Accept-Encoding (HTTP would allow any encoding then, but clients
// that send none, such as scripts, expect the file as it is).
func negotiate(header []string, offered []encoding) (encoding, bool) {
	weights := acceptedWeights(header)
	// weight returns the weight the header gives to a coding: its own entry's, else that
	// of "*", else 0. For identity, 0 means acceptable but last: the file as it is only
	// wins over the encodings that the header names when it names identity itself.
	weight := func(token string) float64 {
		if q, ok := weights[token]; ok {
			return q
		}
		if q, ok := weights["x-"+token]; ok && token == "gzip" {
			return q // x-gzip is an old name of gzip (RFC 9110, 8.4.1.3)
		}
		return weights["*"]
	}
	var best encoding
	top := 0.0
	for _, enc := range offered {
		if q := weight(enc.token); q > top {
			best, top = enc, q
		}
	}
	if top == 0 || weight("identity") > top {
		return encoding{}, false
	}
	return best, true
}

// acceptedWeights parses the values of an Accept-Encoding header into the weight of each
// content coding it names, lower-cased ("*" included). An element whose weight is not a
// number from 0 to 1 weighs 0: what the browser meant is unclear, so nothing is sent in
// that encoding.
func acceptedWeights(header []string) map[string]float64 {
	weights := map[string]float64{}
	for _, element := range strings.Split(strings.Join(header, ","), ",") {
		token, params, _ := strings.Cut(element, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token == "" {
			continue
		}
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			key, value, _ := strings.Cut(param, "=")
			if !strings.EqualFold(strings.TrimSpace(key), "q") {
				continue
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
			if err != nil || !(v >= 0 && v <= 1) {
				v = 0
			}
			q = v
		}
		weights[token] = q
	}
	return weights
}

//go:build !wasm

package site

import (
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
)

// servePrecompressed answers r with a sibling of the file it asks for, in root, if one is
// up to date (see "Precompressed files" in the package's documentation) and the
// request's Accept-Encoding allows it, and reports whether it did; if not, the caller
// serves the file as it is. The answer has the file's type, the sibling's length and
// Content-Encoding, and, for a file that has siblings, whichever is sent, Vary:
// Accept-Encoding, since another browser may get another answer.
func servePrecompressed(w http.ResponseWriter, r *http.Request, root http.Dir) bool {
	name := r.URL.Path
	switch {
	case strings.HasSuffix(name, "/"):
		name += "index.html"
	case strings.HasSuffix(name, "/index.html"):
		return false // http.FileServer redirects it to the folder
	}
	if !compressible(name) {
		return false
	}
	orig, err := statRegular(root, name)
	if err != nil {
		return false // not found, or a folder: http.FileServer answers
	}
	var offered []encoding
	for _, enc := range encodings {
		if sibling, err := statRegular(root, name+enc.suffix); err == nil && sibling.ModTime().Equal(orig.ModTime()) {
			offered = append(offered, enc)
		}
	}
	if len(offered) == 0 {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	enc, ok := negotiate(r.Header.Values("Accept-Encoding"), offered)
	if !ok {
		return false
	}
	f, err := root.Open(name + enc.suffix)
	if err != nil {
		return false
	}
	defer f.Close()
	sibling, err := f.Stat()
	if err != nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Encoding", enc.token)
	h.Set("Content-Type", contentType(name))
	// ServeContent leaves the length out when Content-Encoding is set (for handlers that
	// compress as they write); here the bytes are known. It sets the length of a range
	// itself, and removes this one from a 304 or an error.
	h.Set("Content-Length", strconv.FormatInt(sibling.Size(), 10))
	http.ServeContent(w, r, name, orig.ModTime(), f)
	return true
}

// statRegular returns the file information of name in root, or an error if it is not a
// regular file.
func statRegular(root http.Dir, name string) (fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	return info, nil
}

//go:build !wasm

package main

// Precompressed files.
//
// Most of the site is three Go WebAssembly binaries, 24 MB as built, which brotli shrinks
// to 4.4 MB and gzip to 6.1. Compressing them is slow at the levels that matter
// (brotli's best takes half a minute on canvas.wasm alone), far too slow for a server to
// do on each request, so it is done once, at build time:
//
//	go run ./wasm/ui -compress public    # after -generate
//
// writes next to every compressible file of the folder a .br sibling (brotli, quality 11)
// and a .gz sibling (gzip -9), each only if it is smaller than the file. A static server
// then sends, per request, the sibling that the browser's Accept-Encoding allows, with
// Content-Encoding set: nginx's brotli_static and gzip_static, Caddy's precompressed and
// Apache's rewrite recipes do; so does -serve (servePrecompressed).
//
// The siblings are not files of the site. The page never names them, so the service
// worker does not list them (a browser that received web/app.wasm.br decodes it and
// caches web/app.wasm), and the Version does not hash them: they follow from the files it
// hashes. Writing them changes nothing the student gets but the bytes on the wire.
//
// A sibling carries its original's modification time, and -serve sends a sibling only
// while the two agree: a file changed after -compress ran (a binary rebuilt by hand, the
// page generated again) is sent as it is, never as a stale compressed copy. Running
// -compress again keeps every sibling that still decodes to its original, so a rebuild
// that changed no file (Go builds are reproducible) does not spend brotli's time again.

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// compressedKinds are the extensions of the files worth compressing: text and
// WebAssembly. PNG images are compressed already.
var compressedKinds = []string{".wasm", ".js", ".html", ".css", ".webmanifest", ".svg", ".ico"}

// compressible reports whether the file name is of a kind worth compressing.
func compressible(name string) bool {
	return slices.Contains(compressedKinds, path.Ext(name))
}

// An encoding is one precompressed representation of a file.
type encoding struct {
	token  string // its Content-Encoding, as Accept-Encoding names it
	suffix string // of the sibling file that holds it
}

// encodings are the representations -compress writes, in the order -serve prefers them
// when a browser accepts several equally: the smallest first.
var encodings = []encoding{{token: "br", suffix: ".br"}, {token: "gzip", suffix: ".gz"}}

// siblingOf reports whether name is a precompressed sibling -compress writes, and of
// which file.
func siblingOf(name string) (original string, ok bool) {
	for _, enc := range encodings {
		if original, ok := strings.CutSuffix(name, enc.suffix); ok && compressible(original) {
			return original, true
		}
	}
	return "", false
}

// A compressor writes the siblings of files.
type compressor struct {
	brotli string // the path of the brotli command
}

// newCompressor finds the brotli command. Debian's is the reference encoder; Go's
// standard library has none.
func newCompressor() (compressor, error) {
	brotli, err := exec.LookPath("brotli")
	if err != nil {
		return compressor{}, errors.New("the brotli command is missing: it writes the site's .br files. " +
			"Install Debian's brotli as root with: apt-get update && apt-get install -y brotli  (or run: sudo make need-brotli)")
	}
	return compressor{brotli: brotli}, nil
}

// encode compresses file, whose contents are data, into enc.
func (c compressor) encode(enc encoding, file string, data []byte) ([]byte, error) {
	switch enc.token {
	case "br":
		return command(c.brotli, "--stdout", "--quality=11", "--", file)
	case "gzip":
		var buf bytes.Buffer
		// No name and no time in the header, so the same file gives the same bytes.
		w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return nil, fmt.Errorf("no encoder for %s", enc.token)
}

// decode returns the contents of the sibling file, which holds enc.
func (c compressor) decode(enc encoding, file string) ([]byte, error) {
	switch enc.token {
	case "br":
		return command(c.brotli, "--decompress", "--stdout", "--", file)
	case "gzip":
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	}
	return nil, fmt.Errorf("no decoder for %s", enc.token)
}

// command runs a command and returns its standard output, or an error with what it
// printed on its standard error.
func command(name string, args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, nil
}

// A compressedFile is what compressSite did with one file.
type compressedFile struct {
	name     string  // slash-separated, relative to the site's folder
	size     int64   // of the file
	siblings []int64 // the size of each of encodings' siblings; 0 for none (it was not smaller)
}

// compressSite writes the siblings of every compressible file under dir, in parallel,
// largest files first (brotli's time grows with the size), and removes the siblings of
// files that are gone. It returns what it did, largest files first.
func compressSite(dir string) ([]compressedFile, error) {
	c, err := newCompressor()
	if err != nil {
		return nil, err
	}
	var files []compressedFile
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		name, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name = filepath.ToSlash(name)
		if original, ok := siblingOf(name); ok {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(original))); errors.Is(err, fs.ErrNotExist) {
				return os.Remove(p)
			}
			return nil
		}
		if compressible(name) {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files = append(files, compressedFile{name: name, size: info.Size()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(files, func(a, b compressedFile) int { return cmp.Compare(b.size, a.size) })

	jobs := make(chan int)
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range jobs {
				files[i].siblings, errs[i] = c.compressFile(filepath.Join(dir, filepath.FromSlash(files[i].name)))
			}
		})
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return files, errors.Join(errs...)
}

// compressFile writes the siblings of file, or keeps those that still decode to it, and
// gives them the file's modification time. A sibling that would not be smaller than the
// file is not written, and one left from before is removed. It returns the size of each
// sibling, 0 for none.
func (c compressor) compressFile(file string) ([]int64, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	sizes := make([]int64, len(encodings))
	for i, enc := range encodings {
		sibling := file + enc.suffix
		if size, ok := c.upToDate(enc, sibling, data); ok {
			if err := os.Chtimes(sibling, time.Time{}, info.ModTime()); err != nil {
				return nil, err
			}
			sizes[i] = size
			continue
		}
		out, err := c.encode(enc, file, data)
		if err != nil {
			return nil, err
		}
		if len(out) >= len(data) {
			if err := os.Remove(sibling); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			continue
		}
		if err := writeAtomically(sibling, out, info.ModTime()); err != nil {
			return nil, err
		}
		sizes[i] = int64(len(out))
	}
	return sizes, nil
}

// upToDate reports whether the sibling file, in enc, exists and decodes to data, and
// returns its size.
func (c compressor) upToDate(enc encoding, sibling string, data []byte) (int64, bool) {
	info, err := os.Stat(sibling)
	if err != nil {
		return 0, false
	}
	decoded, err := c.decode(enc, sibling)
	return info.Size(), err == nil && bytes.Equal(decoded, data)
}

// writeAtomically writes data to file, modified at modTime, through a temporary file in
// the same folder: a server reading file meanwhile sees the old sibling or the new one,
// never half of one.
func writeAtomically(file string, data []byte, modTime time.Time) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Chtimes(tmp.Name(), time.Time{}, modTime); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// compress is -compress: it writes the siblings of dir's files and prints their sizes,
// and what a browser downloads in all with each encoding (a file without a sibling is
// sent as it is).
func compress(dir string) error {
	files, err := compressSite(dir)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "bytes\t")
	for _, enc := range encodings {
		fmt.Fprintf(tw, "%s\t", enc.suffix)
	}
	fmt.Fprintln(tw, "\t")
	var total int64
	totals := make([]int64, len(encodings))
	for _, f := range files {
		total += f.size
		fmt.Fprintf(tw, "%d\t", f.size)
		for i, size := range f.siblings {
			if size == 0 {
				totals[i] += f.size
				fmt.Fprint(tw, "-\t")
				continue
			}
			totals[i] += size
			fmt.Fprintf(tw, "%d\t", size)
		}
		fmt.Fprintf(tw, "\t%s\n", f.name)
	}
	fmt.Fprintf(tw, "%d\t", total)
	for _, t := range totals {
		fmt.Fprintf(tw, "%d\t", t)
	}
	fmt.Fprintf(tw, "\tin all (%d files)\n", len(files))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Printf("compressed the site in %s: %.1f MB as built", dir, float64(total)/1e6)
	for i, enc := range encodings {
		fmt.Printf(", %.1f MB to a browser that accepts %s", float64(totals[i])/1e6, enc.token)
	}
	fmt.Println()
	return nil
}

// contentTypes are the types -serve sends for the kinds of files whose type some
// systems' MIME tables lack or name otherwise, so that every machine sends the same.
var contentTypes = map[string]string{
	".wasm":        "application/wasm", // WebAssembly.instantiateStreaming requires it
	".webmanifest": "application/manifest+json",
	".ico":         "image/x-icon",
}

// contentType returns the type of the file name, from its extension.
func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return mime.TypeByExtension(path.Ext(name))
}

// servePrecompressed answers r with a sibling of the file it asks for, in root, if one is
// up to date (see above) and the request's Accept-Encoding allows it, and reports whether
// it did; if not, the caller serves the file as it is. The answer has the file's type,
// the sibling's length and Content-Encoding, and, for a file that has siblings, whichever
// is sent, Vary: Accept-Encoding, since another browser may get another answer.
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

//go:build !wasm

package site

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
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

// encodings are the representations Compress writes, in the order Serve prefers them
// when a browser accepts several equally: the smallest first.
var encodings = []encoding{{token: "br", suffix: ".br"}, {token: "gzip", suffix: ".gz"}}

// siblingOf reports whether name is a precompressed sibling Compress writes, and of
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

// A compressedFile is what compressDir did with one file.
type compressedFile struct {
	name     string  // slash-separated, relative to the site's folder
	size     int64   // of the file
	siblings []int64 // the size of each of encodings' siblings; 0 for none (it was not smaller)
}

// compressDir writes the siblings of every compressible file under dir, in parallel,
// largest files first (brotli's time grows with the size), and removes the siblings of
// files that are gone. It returns what it did, largest files first.
func compressDir(dir string) ([]compressedFile, error) {
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

// Compress writes next to every file of dir worth compressing (WebAssembly and text) a
// brotli and a gzip copy, its .br and .gz siblings, that Serve and well-configured static
// servers send to the browsers that accept them (see "Precompressed files" in the
// package's documentation). It needs Debian's brotli command.
//
// It prints a table of the sizes of the files and of their siblings, and what a browser
// downloads in all with each encoding (a file without a sibling is sent as it is).
func Compress(dir string) error {
	files, err := compressDir(dir)
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

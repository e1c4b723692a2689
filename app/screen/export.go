package screen

import (
	"fmt"
	"image"
	"strings"

	"genlab/app/message"
)

// File is a file the page asked for with Export, for the browser's glue to post: the
// glue makes it a Blob of type message.FileType(Format), with the browser's own PNG
// encoder for a picture, so that nothing big crosses the JSON of the messages.
type File struct {
	Format string      // message.FormatCSV or message.FormatPNG
	Text   string      // the CSV, for FormatCSV
	Image  *image.RGBA // the picture, for FormatPNG; reused by the next export
}

// export answers the page's Export of format, or says in the console why it cannot.
func (l *Loop) export(format string) {
	bench, study := l.hub.Bench, l.hub.Study
	if bench == nil && study == nil {
		l.warn("canvas: nothing to export before the runs are built")
		return
	}
	switch format {
	case message.FormatCSV:
		// A figure's CSV is its numbers, one line per trial and metric; runs side by
		// side give their curves.
		var csv strings.Builder
		if study != nil {
			study.Figure.WriteCSV(&csv)
		} else {
			csv.WriteString(bench.CurvesCSV())
		}
		l.files = append(l.files, File{Format: format, Text: csv.String()})
	case message.FormatPNG:
		if l.frame == nil {
			l.warn("canvas: nothing painted yet to export")
			return
		}
		// Painted afresh, without the pointer, into a buffer of its own: the frame on
		// screen shows the tooltip of wherever the pointer was.
		if l.shot == nil || l.shot.Rect != l.frame.Rect {
			l.shot = image.NewRGBA(l.frame.Rect)
		}
		l.paint(l.shot, -1, -1)
		l.repaint = true // the painter's caches are shared with the screen: paint it again
		l.files = append(l.files, File{Format: format, Image: l.shot})
	default:
		l.warn(fmt.Sprintf("canvas: cannot export a %q file", format))
	}
}

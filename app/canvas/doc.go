// Package canvas paints Generalization Lab's canvas: the scene a student watches while
// networks train, one run beside the other, typically one network memorizing random labels
// next to the same network learning true ones.
//
// It is pure Go (the standard library and genlab/sim): the Ebitengine binary calls
// Painter.Paint every frame to paint the whole scene into an RGBA buffer, then uploads that
// buffer at once. Painting in software keeps a frame deterministic, allocation-free and tested
// natively, pixel by pixel.
//
// # What the scene shows, and why
//
// Zhang et al. (2017), "Understanding deep learning requires rethinking generalization",
// trained the same networks on real labels and on random ones. Both reach 100% training
// accuracy; only the first generalizes. Each part of the scene makes one side of that
// finding visible.
//
//   - The memory wall (wall.go) is every training image as a tile, grouped by the label the
//     network is trained on. A tile lights up while the network fits its example (predicts
//     its given label). On true labels whole blocks light up together, because one rule
//     fits a whole class; on random labels the tiles come on one by one, in every block at
//     once, because each must be remembered on its own. Corrupted labels (given label ≠ true
//     class) carry a pink corner and sit at the end of their block, so partially corrupted
//     runs show the clean part of each class learned first and the noisy tail late (Arpit et
//     al. 2017). Hovering a tile shows its image, labels, prediction and when it was first
//     fitted (tooltip.go).
//   - The zoomed wall (Scene.Zoom, chosen in the page) is one label's part of every run's
//     wall, large enough to read: tiles of 24 CSS pixels or more, each image drawn with
//     every pixel a square block, exactly the grey levels the network is given (after any
//     input randomization), lit or dimmed by its fit, its wrong labels marked. The charts,
//     weights and gauge give it their room. Moving through the wall is done by label, one block at a time,
//     not by scrolling: a block of ~150 tiles fits a laptop's canvas whole, the runs side
//     by side stay aligned on the same label, the state is one number in the link, and
//     the canvas needs no scroll position nor wheel or drag handling of its own (which
//     would fight the page's scrolling on a phone). Where a block does not fit (a phone),
//     its last rows are cut off and its label says how many are shown.
//   - The learning curves (curves.go) of all runs overlaid: training accuracy climbs to 100%
//     on random labels too, only a few epochs later, while test accuracy stays on the
//     dotted chance line 1/K. The loss chart shows the price: test loss rising above that of
//     a uniform guess, ln K.
//   - The first-layer weights (weights.go) show what the network looks for: on true labels
//     training can shape them after the classes; random labels leave nothing shared to find.
//   - The gauge (gauge.go) sets the number of parameters against the number of training
//     examples, on a log scale: about 137 parameters per example for the default network.
//     Such a network can fit any labelling of its data (the paper's Theorem 1 says 2n+d
//     weights suffice), so its capacity cannot be what makes it generalize.
//   - The header of each run (status.go) gives the numbers and the run's state in words.
//
// # Figures
//
// When Scene.Figure is set, the canvas shows one of the paper's figures being made
// (package sim/figure) instead of the runs: a FigureView holds the figure's title, its
// charts (figure.Plot) or its numbers (figure.Cell), how many of its trials are done and
// its state in words ("training 3 of 6", "done"). The view (figureview.go) has the title,
// large, then the state on a pill, a progress bar and the count of runs done, then:
//
//   - for a figure with charts (randomizations, sweep, kernel, memorization), its two
//     charts side by side, or one above the other on a phone held upright (plot.go). They
//     share the learning curves' frame (axes in curves.go: grid, ticks, chance line), and
//     add a legend of their own: a colour per series key, in the order of the keys (the
//     runs' colours, then the rest of the Okabe–Ito palette, then again dashed); seeds
//     after the first drawn fainter beneath the first; the chance level dotted and
//     labelled; and a value never reached (+Inf: a time to fit that never came) drawn as a
//     triangle on a lane labelled "never" above the top of the y axis, joined to its
//     neighbours by dots, so that a run that failed to fit is on the chart, not missing
//     from it. NaN points are left out. A chart with no point yet shows its axes and says
//     it waits for the first run.
//   - for a figure that is a table (table1, and theorem1 until its construction is drawn),
//     a table of its numbers (table.go). Table 1 has a row per regularizer from the start,
//     with true labels' columns, then random labels', side by side or one group below
//     the other on a phone; numbers still to come are dots, a time to fit never reached
//     says "not fitted", a missing number is a dash. Other tables get a row per key as its
//     first number comes.
//
// A figure has far fewer things to show than the runs, so from a laptop's screen up
// (1200×700 CSS pixels) its text is drawn twice as large, and its table as large as fits:
// the figures are meant to be read across a classroom. The figure's layout is kept apart
// from the runs', cached the same way, and made again only when the figure's shape
// changes (its kind, title, charts, legend entries or table rows) or the canvas's size or
// density does; points arriving only repaint.
//
// # Legibility
//
// Colour never carries meaning alone: runs have titles and legends as well as colours, train
// is solid and test dashed, fitted tiles are brighter and framed (or solid) where unfitted
// ones are dim and unframed (or hollow), corrupted labels are marked by a shape. Run colours
// are the Okabe–Ito palette; the weights use a blue–orange diverging map. Text is Ebitengine's
// bitmap debug font, embedded (text.go), drawn at twice the size on big canvases. The layout
// (layout.go) puts runs side by side on wide canvases and stacks them on phones, and gives
// the walls as much room as it can.
//
// # Cost
//
// The layout, the thumbnails and the decoded font are computed when the canvas size or the
// scene's shape changes; a frame only paints, into memory it is given, with numbers formatted
// into a reused buffer: Paint allocates nothing once warm, runs or figure
// (TestPaintAllocatesNothing, TestPaintFigureAllocatesNothing), and every pixel is painted
// about once.
package canvas

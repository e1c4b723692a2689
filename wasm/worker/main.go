//go:build js && wasm

// Command worker is a training worker: a Web Worker that the canvas starts to train runs
// off the page's threads. The canvas starts one worker per core it can spare, and a
// worker trains every run the canvas gives it, in turns (see wasm/canvas/workers.go).
// It only wires app/trainer to postMessage.
//
// Protocol (app/message): the worker posts Hello once it listens; the canvas answers
// Setup{Query, Run} for each run it gives the worker, and addresses every later command
// to one run (Run). The worker posts Ready{Run} once it has built a run, then Metrics{Run}
// with the run's snapshot as bytes beside it (message.AppendSnapshot) at every epoch's
// end and every reportEvery while the run trains. A message of the wrong shape is logged
// and ignored.
package main

import (
	"syscall/js"
	"time"

	"genlab/app/message"
	"genlab/app/trainer"
	"genlab/sim"
)

const (
	// slice is how long the worker trains before it comes up for air to receive
	// commands; its runs share it.
	slice = 50 * time.Millisecond
	// reportEvery is how often a run reports while training, besides every epoch's end.
	reportEvery = 200 * time.Millisecond
)

func main() {
	inbox := make(chan message.Envelope, 64)
	global := js.Global()
	global.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeString {
			warn("worker: ignored a message that is not text")
			return nil
		}
		e, err := message.Decode(data.String())
		if err != nil {
			warn("worker: ignored a message: " + err.Error())
			return nil
		}
		select {
		case inbox <- e:
		default: // a callback must never block: the page is flooding us
			warn("worker: inbox full, dropped a " + string(e.Kind) + " message")
		}
		return nil
	}))
	w := &worker{}
	w.post(message.Envelope{Kind: message.Hello}, nil)
	w.loop(inbox)
}

type worker struct {
	runs []*run // by run index; nil for the runs of other workers
	buf  []byte
}

// run is one run this worker trains.
type run struct {
	tr       *trainer.Trainer
	snap     sim.Snapshot
	lastPost time.Time
}

func (w *worker) loop(inbox chan message.Envelope) {
	for {
		if !w.busy() {
			w.handle(<-inbox) // nothing to do: sleep until told
		}
	drain:
		for {
			select {
			case e := <-inbox:
				w.handle(e)
			default:
				break drain
			}
		}
		busy := 0
		for _, r := range w.runs {
			if r != nil && r.tr.Busy() {
				busy++
			}
		}
		if busy == 0 {
			continue
		}
		// One turn: each busy run trains its share of the slice.
		wait := time.Duration(-1)
		for i, r := range w.runs {
			if r == nil || !r.tr.Busy() {
				continue
			}
			ended := r.tr.Work(slice / time.Duration(busy))
			if ended || !r.tr.Busy() || time.Since(r.lastPost) >= reportEvery {
				w.report(i, message.Metrics)
			}
			if r.tr.Busy() && (wait < 0 || r.tr.Wait() < wait) {
				wait = r.tr.Wait()
			}
		}
		// Sleep, even briefly, so that the event loop delivers the next command.
		time.Sleep(max(wait, time.Millisecond))
	}
}

func (w *worker) busy() bool {
	for _, r := range w.runs {
		if r != nil && r.tr.Busy() {
			return true
		}
	}
	return false
}

func (w *worker) handle(e message.Envelope) {
	switch e.Kind {
	case message.Setup:
		tr, err := trainer.New(e.Query, time.Now)
		if err != nil {
			w.post(message.Envelope{Kind: message.Problem, Run: e.Run, Error: err.Error()}, nil)
			return
		}
		for len(w.runs) <= e.Run {
			w.runs = append(w.runs, nil)
		}
		w.runs[e.Run] = &run{tr: tr}
		w.report(e.Run, message.Ready)
	case message.Play, message.Pause, message.Step, message.Reset, message.Speed:
		if e.Run >= len(w.runs) || w.runs[e.Run] == nil {
			warn("worker: " + string(e.Kind) + " for a run it was not given, ignored")
			return
		}
		if err := w.runs[e.Run].tr.Handle(e); err != nil {
			w.post(message.Envelope{Kind: message.Problem, Run: e.Run, Error: err.Error()}, nil)
			return
		}
		w.report(e.Run, message.Metrics)
	default:
		warn("worker: ignored a " + string(e.Kind) + " message")
	}
}

// report posts run i's numbers and its snapshot.
func (w *worker) report(i int, kind message.Kind) {
	r := w.runs[i]
	r.tr.Snapshot(&r.snap)
	w.buf = message.AppendSnapshot(w.buf[:0], &r.snap)
	w.post(message.Envelope{Kind: kind, Run: i, Playing: r.tr.Busy(), Stats: []message.Run{r.tr.Stats()}}, w.buf)
	r.lastPost = time.Now()
}

// post sends {msg: JSON, snap: bytes?} to the canvas, transferring the bytes' buffer.
func (w *worker) post(e message.Envelope, snap []byte) {
	obj := js.Global().Get("Object").New()
	obj.Set("msg", message.Encode(e))
	if snap == nil {
		js.Global().Call("postMessage", obj)
		return
	}
	arr := js.Global().Get("Uint8Array").New(len(snap))
	js.CopyBytesToJS(arr, snap)
	obj.Set("snap", arr)
	js.Global().Call("postMessage", obj, []any{arr.Get("buffer")})
}

func warn(s string) { js.Global().Get("console").Call("warn", s) }

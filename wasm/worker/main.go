//go:build js && wasm

// Command worker is the training worker: a Web Worker that the canvas starts, one per
// run, so that training never blocks the page's frames and two runs use two cores.
// It only wires app/trainer to postMessage.
//
// Protocol (app/message): the worker posts Hello once it listens; the canvas answers
// Setup{Query} with one run's settings; the worker posts Ready, then Metrics with the
// run's snapshot as bytes beside it (message.AppendSnapshot) at every epoch's end and
// every reportEvery while training. A message of the wrong shape is logged and ignored.
package main

import (
	"syscall/js"
	"time"

	"genlab/app/message"
	"genlab/app/trainer"
	"genlab/sim"
)

const (
	// slice is how long the worker trains before it comes up for air to receive commands.
	slice = 50 * time.Millisecond
	// reportEvery is how often it reports while training, besides every epoch's end.
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
	w.post(message.Envelope{Kind: message.Hello}, false)
	w.loop(inbox)
}

type worker struct {
	tr       *trainer.Trainer
	snap     sim.Snapshot
	buf      []byte
	lastPost time.Time
}

func (w *worker) loop(inbox chan message.Envelope) {
	for {
		if w.tr == nil || !w.tr.Busy() {
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
		if w.tr == nil || !w.tr.Busy() {
			continue
		}
		ended := w.tr.Work(slice)
		if ended || !w.tr.Busy() || time.Since(w.lastPost) >= reportEvery {
			w.report(message.Metrics)
		}
		// Sleep, even briefly, so that the event loop delivers the next command.
		time.Sleep(max(w.tr.Wait(), time.Millisecond))
	}
}

func (w *worker) handle(e message.Envelope) {
	switch e.Kind {
	case message.Setup:
		tr, err := trainer.New(e.Query, time.Now)
		if err != nil {
			w.post(message.Envelope{Kind: message.Problem, Error: err.Error()}, false)
			return
		}
		w.tr = tr
		w.report(message.Ready)
	case message.Play, message.Pause, message.Step, message.Reset, message.Speed:
		if w.tr == nil {
			warn("worker: " + string(e.Kind) + " before setup, ignored")
			return
		}
		if err := w.tr.Handle(e); err != nil {
			w.post(message.Envelope{Kind: message.Problem, Error: err.Error()}, false)
			return
		}
		w.report(message.Metrics)
	default:
		warn("worker: ignored a " + string(e.Kind) + " message")
	}
}

// report posts the run's numbers and its snapshot.
func (w *worker) report(kind message.Kind) {
	w.tr.Snapshot(&w.snap)
	w.buf = message.AppendSnapshot(w.buf[:0], &w.snap)
	w.post(message.Envelope{Kind: kind, Playing: w.tr.Busy(), Stats: []message.Run{w.tr.Stats()}}, true)
	w.lastPost = time.Now()
}

// post sends {msg: JSON, snap: bytes?} to the canvas, transferring the bytes' buffer.
func (w *worker) post(e message.Envelope, withSnapshot bool) {
	obj := js.Global().Get("Object").New()
	obj.Set("msg", message.Encode(e))
	if !withSnapshot {
		js.Global().Call("postMessage", obj)
		return
	}
	arr := js.Global().Get("Uint8Array").New(len(w.buf))
	js.CopyBytesToJS(arr, w.buf)
	obj.Set("snap", arr)
	js.Global().Call("postMessage", obj, []any{arr.Get("buffer")})
}

func warn(s string) { js.Global().Get("console").Call("warn", s) }

// Package nn is the neural network of Generalization Lab: a few layers, each written with
// its forward pass and its backward pass side by side, stacked into a Network and trained
// with minibatch SGD on a softmax cross-entropy loss.
//
// It is small on purpose: the paper's point is made with ordinary networks, so the lab
// needs only what they are built of, and a student can read all of it.
//
//   - Dense, the fully connected layer y = x·W + b; the first layer's columns of W are what
//     the canvas shows as the network's "filters".
//   - Conv, a 3×3 convolution, computed as one matrix product over copied neighbourhoods
//     (im2col). Its weights are shared by every position of the image: that sharing is the
//     "regularization by construction" that makes shuffled pixels hurt a CNN and not an MLP.
//   - MaxPool (2×2), ReLU, Dropout (inverted: evaluation is the identity) and BatchNorm
//     (batch statistics in training, running averages in evaluation).
//   - SoftmaxCrossEntropy, the loss, which also gives its gradient with respect to the
//     logits and which examples are classified as labeled.
//
// # How a step goes
//
// A batch of n examples is a row-major slice, one example's values after another, and so
// is every activation in between. One training step is
//
//	net.ZeroGrad()
//	logits := net.Forward(x, n, true)
//	loss := nn.SoftmaxCrossEntropy(logits, labels, n, k, dlogits, nil)
//	net.Backward(dlogits, n)
//	net.SGD(lr, momentum, weightDecay)
//
// Forward's train flag selects the training behaviour of dropout and batch norm. Backward
// runs the layers in reverse, each adding its parameters' gradients to their Param.Grad and
// handing back the gradient with respect to its input (the first layer skips that). SGD
// applies momentum and weight decay as PyTorch does, decaying weights but not biases.
//
// # No allocation, no surprises
//
// Every layer sizes its output and gradient buffers once, for the largest batch it will see
// (its capacity), and returns them from Forward and Backward: a training step allocates
// nothing, which keeps the browser's garbage collector out of the frame budget. The slices a
// layer returns are valid until its next call. Weights are drawn from the *rand.Rand a
// constructor is given, so a network is a pure function of its seed.
//
// The hot loops (matrix products, ReLU, the bias gradient, the SGD update, im2col, pooling)
// live in package sim/nn/kernel, in Go and in WebAssembly SIMD, with the same bits. Every
// layer's backward pass is checked against finite differences of its forward pass
// (gradcheck_test.go).
package nn

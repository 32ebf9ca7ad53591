/** Public entry point of the tensor autodiff: the tape, its tensors and their error type. */
export { Tape } from './tape';
export { Tensor, TensorError } from './tensor';
export { sigmoid } from './activation-ops';

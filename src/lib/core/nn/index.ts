/** Public entry point of the neural-network core: spec and layout, computation, training. */
export * from './mlp';
export {
	CHUNK_ROWS,
	MlpComputer,
	computerFor,
	evaluate,
	forward,
	lossAndGrad,
	predict,
	type Evaluation
} from './mlp-compute';
export { createTrainer, Trainer, type EpochReport, type TrainerConfig, type TrainStatus } from './train';

/**
 * `npm run --silent train -- --dataset ID --optimizer ID [--hidden 8,8] [--activation tanh] [--set key=value ...]
 *                            [--epochs N] [--batch B] [--seed S] [--points N] [--noise X] [--test-ratio R] ...`
 * Trains a small network on a playground dataset with the same core as the page and prints the final
 * {"train_loss", "test_loss", "train_accuracy", "test_accuracy", "epochs", "status"} as JSON.
 */
import { playgroundSets } from '../lib/core/data/playground-sets';
import { DataError } from '../lib/core/data/types';
import { trainTestSplit } from '../lib/core/data/split';
import { createTrainer, NnError } from '../lib/core/nn';
import { formatHyperValue, optimizers } from '../lib/core/optimizers';
import { MAX_EPOCHS, parseTrainArgs } from './train-args';

function helpText(): string {
	const lines = [
		'Usage: npm run --silent train -- --dataset ID --optimizer ID [--set key=value ...] [--hidden 8,8]',
		'                                 [--activation tanh] [--epochs N] [--batch B] [--seed S] [--points N]',
		'                                 [--noise X] [--test-ratio R] [--l1 A] [--l2 A] [--init xavier|he|torch]',
		'',
		'Generates a dataset, splits it, trains a multilayer perceptron with mini-batches and prints JSON',
		'{"train_loss", "test_loss", "train_accuracy", "test_accuracy", "epochs", "status"} after the last epoch.',
		'Losses are mean data losses without the penalty: binary cross-entropy for the two-class sets, softmax',
		'cross-entropy for spiral3, mean squared error for the curves (whose accuracies are null). The same',
		'arguments print the same bytes.',
		'  --dataset ID      a dataset below',
		'  --points N        number of points (default 500)',
		"  --noise X         noise level, >= 0; 0 to 0.5 is TensorFlow Playground's range (default 0)",
		'  --test-ratio R    share of points held out for testing, in (0, 1) (default 0.5)',
		`  --hidden W,W      hidden layer widths, each 1 to 32 (default 4,2); 0 or '' for none (a linear model)`,
		'  --activation A    tanh, relu, sigmoid or linear; one for all hidden layers or one per layer (default tanh)',
		'  --init I          xavier (Glorot uniform) or he (Kaiming normal), biases 0; or torch, the default of',
		'                    torch.nn.Linear: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (default xavier)',
		'  --l1 A, --l2 A    penalty on the weights (not biases): loss + l1 sum |w| + (l2 / 2) sum w^2 (default 0)',
		'  --optimizer ID    an optimizer below; each mini-batch gradient makes one step',
		'  --set key=value   a hyperparameter (repeatable), e.g. --set lr=0.01 --set betas=0.9,0.999',
		`  --epochs N        passes over the training points, 0 to ${MAX_EPOCHS} (default 100)`,
		'  --batch B         points per mini-batch; the last, smaller batch is used too (default 10)',
		'  --seed S          seeds the data, the split, the weights and the shuffles (default 0)',
		'',
		'Status: ok, or diverged (a loss or weight stopped being finite; training stopped there).',
		'Exit code 0 for every completed run; 2 for bad arguments.',
		'',
		'Datasets:'
	];
	for (const s of playgroundSets) lines.push(`  ${s.id.padEnd(10)} ${s.label} (${s.task})`);
	lines.push(
		'',
		"Optimizers and their hyperparameters (defaults are PyTorch's). On mini-batches, gd is plain SGD;",
		'sgd also adds its own Gaussian noise to every gradient (set noise=0 to turn it off). newton is not',
		'available: it needs a Hessian.'
	);
	for (const o of optimizers) {
		if (o.needs === 'hessian') continue;
		lines.push(`  ${o.id.padEnd(10)} ${o.label} — ${o.torch}`);
		for (const h of o.hyper)
			lines.push(`      ${h.key.padEnd(26)} default ${formatHyperValue(h.default).padEnd(12)} ${h.help}`);
	}
	return lines.join('\n');
}

function fail(message: string, code: number): never {
	process.stderr.write(`train: ${message}\n`);
	process.exit(code);
}

function main(): void {
	process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
	const parsed = parseTrainArgs(process.argv.slice(2));
	if (parsed.kind === 'help') {
		process.stdout.write(helpText() + '\n');
		return;
	}
	if (parsed.kind === 'error') fail(parsed.message, 2);
	const req = parsed.request;
	try {
		const data = req.dataset.make({ n: req.points, noise: req.noise, seed: req.seed });
		const split = trainTestSplit(data, { testFraction: req.testRatio, seed: req.seed });
		const trainer = createTrainer({
			spec: {
				inputs: data.p,
				hidden: req.hidden,
				activation: req.activation,
				task: req.dataset.task,
				...(req.dataset.task === 'multiclass' ? { classes: req.dataset.classes } : {}),
				l1: req.l1,
				l2: req.l2,
				init: req.init
			},
			optimizer: req.optimizer.id,
			hyper: req.hyper,
			train: split.train,
			test: split.test,
			batchSize: req.batch,
			seed: req.seed
		});
		const r = trainer.run(req.epochs);
		const out = {
			train_loss: r.trainLoss,
			test_loss: r.testLoss,
			train_accuracy: r.trainAccuracy,
			test_accuracy: r.testAccuracy,
			epochs: r.epoch,
			status: r.status
		};
		process.stdout.write(JSON.stringify(out) + '\n');
	} catch (e) {
		if (e instanceof NnError || e instanceof DataError) fail(e.message, 2);
		throw e;
	}
}

try {
	main();
} catch (err) {
	fail(`internal error: ${err instanceof Error ? err.message : String(err)}`, 1);
}

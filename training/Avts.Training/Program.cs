// Training is not built yet: say so clearly, with the usage exit code, instead of pretending to train.
Console.Error.WriteLine("avts-train: self-supervised AVTS training is not available in this version yet (see training/README.md).");
return 2;

Console.Error.WriteLine("avts: CLI under construction");
return 2;

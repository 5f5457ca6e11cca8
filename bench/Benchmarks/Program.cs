using AfterSales.Benchmarks;

// Usage: dotnet run -c Release --project bench/Benchmarks -- engine [--seconds N]
//        dotnet run -c Release --project bench/Benchmarks -- durable [--operations N] [--callers N] [--fsync-off]
//        dotnet run -c Release --project bench/Benchmarks -- timers [--timers N] [--burst N] [--hosts N] [--singles N] [--idle-seconds N] [--fsync-off]
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var seconds = double.Parse(Option("--seconds") ?? "5");
var which = args.FirstOrDefault() ?? "engine";
switch (which)
{
    case "engine":
        await EngineBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
        break;
    case "durable":
        await DurableBenchmark.RunAsync(int.Parse(Option("--operations") ?? "5000"), int.Parse(Option("--callers") ?? "8"), durable: !args.Contains("--fsync-off"));
        break;
    case "timers":
        await TimerBenchmark.RunAsync(int.Parse(Option("--timers") ?? "100000"), int.Parse(Option("--burst") ?? "10000"),
            int.Parse(Option("--hosts") ?? "1"), int.Parse(Option("--singles") ?? "5"), TimeSpan.FromSeconds(double.Parse(Option("--idle-seconds") ?? "30")),
            durable: !args.Contains("--fsync-off"));
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}': use engine, durable or timers");
        return 2;
}
return 0;

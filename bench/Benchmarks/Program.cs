using AfterSales.Benchmarks;
using AfterSales.Benchmarks.Web;

// Usage: dotnet run -c Release --project bench/Benchmarks -- engine [--seconds N]
//        dotnet run -c Release --project bench/Benchmarks -- durable [--operations N] [--callers N] [--fsync-off]
//        dotnet run -c Release --project bench/Benchmarks -- timers [--timers N] [--burst N] [--hosts N] [--singles N] [--idle-seconds N] [--fsync-off]
//        dotnet bench/Benchmarks/bin/Release/net10.0/AfterSales.Benchmarks.dll inbox-browser --url U --password P [--runs N] [--locale zh-CN]
//        dotnet bench/Benchmarks/bin/Release/net10.0/AfterSales.Benchmarks.dll screenshots --url U --password P --out DIR
//          (these two against a running Host: bench/inbox-browser.sh and scripts/screenshots.sh start one)
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
string Required(string name) => Option(name) ?? throw new ArgumentException($"{name} is required");
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
    case "inbox-browser":
        await InboxBrowserBenchmark.RunAsync(Required("--url"), Required("--password"), int.Parse(Option("--runs") ?? "10"),
            Option("--locale") ?? "zh-CN");
        break;
    case "screenshots":
        await ReadmeScreenshots.RunAsync(Required("--url"), Required("--password"), Required("--out"));
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}': use engine, durable, timers, inbox-browser or screenshots");
        return 2;
}
return 0;

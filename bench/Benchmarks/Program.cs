using AfterSales.Benchmarks;

// Usage: dotnet run -c Release --project bench/Benchmarks -- [engine] [--seconds N]
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(5);
var which = args.FirstOrDefault(a => !a.StartsWith("--") && !double.TryParse(a, out _)) ?? "engine";
switch (which)
{
    case "engine":
        await EngineBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}': use engine");
        return 2;
}
return 0;

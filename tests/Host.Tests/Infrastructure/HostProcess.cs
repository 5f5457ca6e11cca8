using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfterSales.TestSupport;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>
/// A real Host process (<c>dotnet AfterSales.Host.dll --urls …</c>) on a free loopback port, configured through
/// environment variables. Stopping it sends SIGTERM, as a service manager would.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        _process = Launch(settings, ["--urls", $"http://127.0.0.1:{port}"], _output);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a Host and waits until its health endpoint answers 200.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = new HostProcess(settings);
        try
        {
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a Host that is expected to stop by itself; answers its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var output = new StringBuilder();
        using var process = Launch(settings, ["--urls", $"http://127.0.0.1:{FreePort()}"], output);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Host did not stop by itself. Output:\n{output}");
        }
        process.WaitForExit(); // lets the output handlers finish
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Stops the Host the way a service manager does (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Host did not stop on SIGTERM. Output:\n{Output}");
        }
        _process.WaitForExit();
    }

    /// <summary>Kills the Host at once (SIGKILL), as a crash would: none of its shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Client.Dispose();
            _process.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Host exited with {_process.ExitCode} while starting. Output:\n{Output}");
            try
            {
                using var response = await Client.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The Host did not become healthy within {StartTimeout}. Output:\n{Output}");
    }

    private static Process Launch(IReadOnlyDictionary<string, string> settings, string[] args, StringBuilder output)
    {
        var dll = HostDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Only what the test says: no connection string or environment leaking in from the test run.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        // Hosts of one test share a signing key, and none writes a key file into the home folder, unless the test says otherwise.
        if (!settings.ContainsKey("Auth:SigningKey") && !settings.ContainsKey("Auth:SigningKeyFile")) start.Environment["Auth__SigningKey"] = Users.SigningKey;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The Host as its own build left it (with its runtimeconfig and appsettings), in the configuration the tests were built in.</summary>
    private static string HostDll()
    {
        var dll = Path.Combine(RepositoryFolders.BuildOutput("Host"), "AfterSales.Host.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build src/Host in {RepositoryFolders.Configuration} first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

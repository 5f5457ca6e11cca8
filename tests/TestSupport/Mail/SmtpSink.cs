using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace AfterSales.TestSupport.Mail;

/// <summary>
/// A real SMTP server for tests: aiosmtpd (Debian's python3-aiosmtpd) on a local port, storing every message it
/// accepts in a temporary Maildir. A message is on disk once the server has answered the DATA command, so a
/// completed send can be read at once. Public so that it can serve as an xunit class fixture.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private static readonly Lazy<string> Python = new(FindPython);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    /// <summary>Starts a sink on a free port.</summary>
    public SmtpSink() : this(FreePort()) { }

    private SmtpSink(int port)
    {
        Port = port;
        _folder = Directory.CreateTempSubdirectory("smtp-sink-").FullName;
        var start = new ProcessStartInfo(Python.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -n: do not setuid to nobody (fails unless root, and nobody could not write the Maildir).
        // Mailbox creates the Maildir itself, so it gets a folder that does not exist yet.
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python.Value}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>Starts a sink on the given port, e.g. one a test first found nobody listening on.</summary>
    public static SmtpSink OnPort(int port) => new(port);

    public string Host => "127.0.0.1";
    public int Port { get; }
    private string MailDir => Path.Combine(_folder, "maildir");

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }
            .Select(sub => Path.Combine(MailDir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(path => new FileInfo(path))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
        return files.Select(f => MimeMessage.Load(f.FullName)).ToList();
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // best effort
        }
    }

    private void WaitUntilListening()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // flushes the output handlers
                var message = $"aiosmtpd exited with code {_process.ExitCode} on {Host}:{Port}: {Output()}";
                Dispose();
                throw new InvalidOperationException(message);
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(Host, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        Dispose();
        throw new InvalidOperationException($"aiosmtpd did not listen on {Host}:{Port} within 15 s: {Output()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString().Trim();
    }

    /// <summary>
    /// The first Python that can import aiosmtpd. Debian's package installs it for /usr/bin/python3, which need not
    /// be the python3 first on PATH (e.g. under pyenv), so both are tried.
    /// </summary>
    private static string FindPython()
    {
        foreach (var python in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (probe is null) continue;
                probe.WaitForExit();
                if (probe.ExitCode == 0) return python;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // no such interpreter
            }
        }
        throw new InvalidOperationException(
            "The SMTP sink needs aiosmtpd for python3 (tried /usr/bin/python3 and python3 on PATH): " +
            "run `apt-get install -y python3-aiosmtpd` (.ci/run installs it when missing)");
    }
}

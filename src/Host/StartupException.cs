namespace AfterSales.Host;

/// <summary>The Host cannot start for a reason the operator must fix; the message says what and how.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Logs the reason alone: the app's logging may not exist yet, so this uses a console logger of its own.</summary>
    public static void Log(IConfiguration configuration, string reason)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        loggers.CreateLogger("AfterSales.Host").LogCritical("The AfterSales Host cannot start. {Reason}", reason);
    }
}

using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Tests.Expressions;

public sealed class SandboxTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities().AddGlobal<CaseGlobal>(), o => o.JavaScript = new JavaScriptLimits
    {
        Timeout = TimeSpan.FromMilliseconds(300),
        MemoryBytes = 4 * 1024 * 1024,
        RecursionDepth = 20,
        MaxStatements = int.MaxValue, // so the time and memory limits are the ones that trip
    });

    public void Dispose() => _engine.Dispose();

    private Task<WorkflowInstance> RunScript(string script) => RunScript(script, _engine);

    private static async Task<WorkflowInstance> RunScript(string script, TestEngine engine)
    {
        var definition = new WorkflowBuilder("script").Variable("result", "Any").Input("n", "Number")
            .Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "result"), Expr.Js("value", script))
            .Connect("start", "set").Build();
        return await engine.StartAsync(definition, new JsonObject { ["n"] = 7 }, correlationId: "AS-2026-000123");
    }

    [Theory]
    [InlineData("while (true) {}", "time limit of 300 ms", 300)]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "memory limit of 4 MB", 60_000)]
    [InlineData("function f(n) { return f(n + 1); } f(0)", "recursed deeper than the limit of 20", 60_000)]
    public async Task AScriptThatBreaksALimit_FaultsItsActivity_WithAClearMessage(string script, string expected, int timeoutMs)
    {
        // Only the limit under test may trip: on a loaded machine a short time limit would beat the memory limit.
        using var engine = new TestEngine(b => b.AddTestActivities().AddGlobal<CaseGlobal>(), o => o.JavaScript = new JavaScriptLimits
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            MemoryBytes = 4 * 1024 * 1024,
            RecursionDepth = 20,
            MaxStatements = int.MaxValue,
        });
        var instance = await RunScript(script, engine);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("set", incident.ActivityId);
        Assert.Contains("input 'value' of activity 'set'", incident.Message);
        Assert.Contains(expected, incident.Message);
    }

    [Fact]
    public async Task AScriptThatRunsTooManyStatements_Faults()
    {
        using var engine = new TestEngine(b => b.AddTestActivities(), o => o.JavaScript = new JavaScriptLimits { MaxStatements = 1000 });
        var definition = new WorkflowBuilder("count").Variable("x", "Any").Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "x"), Expr.Js("value", "var i = 0; for (;;) { i++; }"))
            .Connect("start", "set").Build();

        var instance = await engine.StartAsync(definition);

        Assert.Contains("limit of 1000 statements", Assert.Single(instance.Incidents).Message);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("require('fs')")]
    public async Task AScriptCannotReachTheClr(string script)
    {
        var instance = await RunScript(script);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("is not defined", Assert.Single(instance.Incidents).Message);
    }

    [Fact]
    public async Task AScriptReadsVariablesInputTheCaseAndTheCorrelationId()
    {
        var instance = await RunScript("({ n: input.n * 2, customer: caseFile.customer, number: correlationId })");

        var result = instance.Variables["result"]!;
        Assert.Equal(14, result["n"]!.GetValue<int>());
        Assert.Equal("华为 Huawei", result["customer"]!.GetValue<string>());
        Assert.Equal("AS-2026-000123", result["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task AScriptSeesAVariableSetByTheStepBefore()
    {
        var definition = new WorkflowBuilder("chain").Variable("a", "Number", 1).Variable("b", "Number", 0).Activity("start", "Start")
            .Activity("sa", "SetVariable", Expr.Lit("variable", "a"), Expr.Js("value", "variables.a + 10"))
            .Activity("sb", "SetVariable", Expr.Lit("variable", "b"), Expr.Js("value", "variables.a * 2"))
            .Connect("start", "sa").Connect("sa", "sb").Build();

        var instance = await _engine.StartAsync(definition);

        Assert.Equal(22, instance.Variables["b"]!.GetValue<int>());
    }

    [Fact]
    public async Task ALiquidTemplate_RendersVariablesInputAndTheCase()
    {
        var definition = new WorkflowBuilder("liquid").Variable("text", "String").Variable("hours", "Number", 24).Input("n", "Number")
            .Activity("start", "Start")
            .Activity("set", "SetVariable", Expr.Lit("variable", "text"),
                Expr.Liquid("value", "{{ caseFile.customer }}: reply within {{ variables.hours }} h ({{ input.n }}){% if variables.hours > 8 %}!{% endif %}"))
            .Connect("start", "set").Build();

        var instance = await _engine.StartAsync(definition, new JsonObject { ["n"] = 7 }, "AS-1");

        Assert.Equal("华为 Huawei: reply within 24 h (7)!", instance.Variables["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AGlobalHoldingADateValue_ReadsAsText_InScriptsAndTemplates()
    {
        using var engine = new TestEngine(b => b.AddTestActivities().AddGlobal<DatedGlobal>());
        var definition = new WorkflowBuilder("dated").Variable("js", "String").Variable("liquid", "String").Activity("start", "Start")
            .Activity("js", "SetVariable", Expr.Lit("variable", "js"), Expr.Js("value", "dated.at"))
            .Activity("liquid", "SetVariable", Expr.Lit("variable", "liquid"), Expr.Liquid("value", "{{ dated.at }}"))
            .Connect("start", "js").Connect("js", "liquid").Build();

        var instance = await engine.StartAsync(definition);

        Assert.Empty(instance.Incidents);
        Assert.Equal("2026-11-23T09:00:00+00:00", instance.Variables["js"]!.GetValue<string>());
        Assert.Equal("2026-11-23T09:00:00+00:00", instance.Variables["liquid"]!.GetValue<string>());
    }

    private sealed class DatedGlobal : IWorkflowGlobal
    {
        public string Name => "dated";
        // A value created from a DateTimeOffset is a JSON string whose GetValue<string> throws: it must still read as text.
        public JsonNode? Resolve(WorkflowInstance instance) => new JsonObject { ["at"] = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero) };
    }

    [Theory]
    [InlineData("PT24H", 24 * 60)]
    [InlineData("P2D", 2 * 24 * 60)]
    [InlineData("PT1H30M", 90)]
    [InlineData("24h", 24 * 60)]
    [InlineData("30m", 30)]
    [InlineData("1h30m", 90)]
    [InlineData("2d", 2 * 24 * 60)]
    public void Durations_ReadIsoAndShortForms(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), DurationFormat.Parse(text));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("P1M")]
    [InlineData("")]
    [InlineData("10 parsecs")]
    public void Durations_RefuseWhatIsNotADuration(string text)
    {
        Assert.False(DurationFormat.TryParse(text, out _));
    }

    [Fact]
    public void DurationsOfSeconds_ReadBothForms()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), DurationFormat.Parse("10s"));
        Assert.Equal(TimeSpan.FromSeconds(10), DurationFormat.Parse("PT10S"));
        Assert.Equal("PT10S", DurationFormat.Format(TimeSpan.FromSeconds(10)));
    }

    private sealed class CaseGlobal : IWorkflowGlobal
    {
        public string Name => "caseFile"; // "case" is a reserved word in JavaScript
        public JsonNode? Resolve(WorkflowInstance instance) => new JsonObject { ["number"] = instance.CorrelationId, ["customer"] = "华为 Huawei" };
    }
}

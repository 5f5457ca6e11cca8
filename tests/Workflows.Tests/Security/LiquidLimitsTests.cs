using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Tests.Security;

/// <summary>
/// A published Liquid template must not take the Host's memory or time: each attack ends in an incident naming the
/// limit. Every test loosens the limits it does not test, so only the limit under test can trip.
/// </summary>
public sealed class LiquidLimitsTests
{
    private static readonly LiquidLimits Loose = new()
    {
        Timeout = TimeSpan.FromMinutes(1),
        MaxOutput = 10_000,
        MaxSteps = int.MaxValue,
        MaxRecursion = 32,
    };

    private static Task<WorkflowInstance> Render(string template, LiquidLimits limits) =>
        SandboxStep.RunAsync("String", Expr.Liquid("value", template), o => o.Liquid = limits);

    private static void AssertFaulted(WorkflowInstance instance, string expected) => SandboxStep.AssertFaulted(instance, expected);

    [Fact]
    public async Task ALoopOverABillionNumbers_Faults_BeforeTheRangeIsMade()
    {
        var instance = await Render("{% for i in (1..1000000000) %}x{% endfor %}", Loose);

        AssertFaulted(instance, "a range of 1000000000 numbers is larger than the limit of 10000");
    }

    [Fact]
    public async Task ALoopThatWritesPastTheOutputLimit_Faults()
    {
        var instance = await Render("{% for i in (1..5000) %}0123456789{% endfor %}", Loose);

        AssertFaulted(instance, "the template wrote more than the limit of 10000 characters");
    }

    [Fact]
    public async Task AStringDoubledInAssign_Faults_ThoughNothingIsWritten()
    {
        var instance = await Render("{% assign s = 'x' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}", Loose);

        AssertFaulted(instance, "filter 'append' made a value of more than 10000 characters");
    }

    [Fact]
    public async Task AStringDoubledInCapture_Faults_ThoughNothingIsWritten()
    {
        var instance = await Render("{% assign s = 'x' %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", Loose);

        AssertFaulted(instance, "the template wrote more than the limit of 10000 characters");
    }

    [Fact]
    public async Task AnArrayDoubledWithConcat_Faults()
    {
        var instance = await Render("{% assign a = 'x,y' | split: ',' %}{% for i in (1..64) %}{% assign a = a | concat: a %}{% endfor %}", Loose);

        AssertFaulted(instance, "filter 'concat' made a value of more than 10000 characters");
    }

    [Theory]
    [InlineData("{% assign a = 'xxxxxxxxxx' %}{% assign b = a | replace: 'x', a %}{% assign c = b | replace: 'x', b %}{% assign d = c | replace: 'x', c %}", "replace")]
    [InlineData("{% assign a = 'x' | split: ',' %}{% for i in (1..12) %}{% assign a = a | concat: a %}{% endfor %}{% assign s = a | join: '0123456789' %}", "join")]
    [InlineData("{{ 1 | format_number: 'F999999999' }}", "format_number")]
    [InlineData("{{ '{0,999999}{0,999999}' | format_string: 1 }}", "format_string")]
    public async Task AFilterThatWouldMultiplyAString_Faults_BeforeItRuns(string template, string filter)
    {
        var instance = await Render(template, Loose);

        AssertFaulted(instance, $"filter '{filter}' would make a value of more than 10000 characters");
    }

    [Fact]
    public async Task ATemplateThatRunsTooLong_Faults_OnTheTimeLimit()
    {
        // A hundred thousand squared empty iterations: no output, no value, no step limit; only time can stop it.
        var instance = await Render("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}",
            Loose with { Timeout = TimeSpan.FromMilliseconds(200), MaxOutput = 1_000_000 });

        AssertFaulted(instance, "the template ran longer than the time limit of 200 ms");
    }

    [Fact]
    public async Task ATemplateThatRunsTooManySteps_Faults_OnTheStepLimit()
    {
        var instance = await Render("{% for i in (1..5000) %}{% endfor %}", Loose with { MaxSteps = 1000 });

        AssertFaulted(instance, "the template broke the limit of 1000 steps or 32 levels of recursion");
    }

    [Fact]
    public async Task ATemplateWithinTheLimits_RendersAsBefore()
    {
        var instance = await Render(
            "{% assign parts = 'a,b,c' | split: ',' %}{% capture line %}{{ parts | join: '-' }}{% endcapture %}{% for p in parts %}{{ p | upcase }}{% endfor %} {{ line | replace: '-', '+' }} {% for i in (1..3) %}{{ i }}{% endfor %}",
            Loose);

        Assert.Empty(instance.Incidents);
        Assert.Equal("ABC a+b+c 123", instance.Variables["result"]!.GetValue<string>());
    }

    [Fact]
    public void SandboxSettings_ThatAreNotPositive_AreNamedOnStart()
    {
        var options = new WorkflowsOptions
        {
            Liquid = new LiquidLimits { Timeout = TimeSpan.Zero, MaxOutput = 0 },
            JavaScript = new JavaScriptLimits { MemoryBytes = -1 },
        };

        Assert.Equal(
            ["Workflows:JavaScript:MemoryBytes must be positive", "Workflows:Liquid:Timeout must be positive, e.g. 00:00:01", "Workflows:Liquid:MaxOutput must be positive"],
            options.Validate());
        Assert.Empty(new WorkflowsOptions().Validate());
    }
}

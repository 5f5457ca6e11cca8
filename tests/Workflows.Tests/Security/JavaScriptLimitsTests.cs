using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows.Tests.Security;

/// <summary>
/// The JavaScript limits hold inside a single native call too: a regular expression stops at the time limit, and a
/// call that would allocate more than the memory limit in one go (a typed array, a repeated, padded, joined or
/// replaced string) is refused before it allocates, in a way the script cannot catch. Each test loosens the limits it
/// does not test, so only the limit under test can trip.
/// </summary>
public sealed class JavaScriptLimitsTests
{
    private static readonly JavaScriptLimits Loose = new()
    {
        Timeout = TimeSpan.FromMinutes(1),
        MemoryBytes = 4 * 1024 * 1024,
        RecursionDepth = 64,
        MaxStatements = int.MaxValue,
    };

    private static Task<WorkflowInstance> Run(string script, JavaScriptLimits limits) =>
        SandboxStep.RunAsync("Any", Expr.Js("value", script), o => o.JavaScript = limits);

    private static void AssertFaulted(WorkflowInstance instance, string expected) => SandboxStep.AssertFaulted(instance, expected);

    [Theory]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + '!')")]
    [InlineData("'a'.repeat(40).concat('!').replace(/(a+)+$/, 'x')")]
    public async Task ACatastrophicRegularExpression_StopsAtTheTimeLimit(string script)
    {
        var instance = await Run(script, Loose with { Timeout = TimeSpan.FromMilliseconds(300) });

        AssertFaulted(instance, "a regular expression ran longer than the time limit of 300 ms");
    }

    [Theory]
    [InlineData("new Uint8Array(2e9).length")]
    [InlineData("new Float64Array(2.5e8).length")]
    [InlineData("new BigInt64Array(2.5e8).length")]
    [InlineData("Uint8Array.from({ length: 2e9 }).length")]
    [InlineData("new Uint16Array({ length: 1e9 }).length")]
    [InlineData("class Big extends Int32Array {} new Big(5e8).length")]
    [InlineData("new ArrayBuffer(2e9).byteLength")]
    [InlineData("new (new Uint8Array(1).constructor)(2e9).length")]
    [InlineData("new (new Uint8Array(1).buffer.constructor)(2e9).byteLength")]
    [InlineData("Object.prototype.get = function (t, k) { globalThis.leak = t; return t[k]; }; new Uint8Array(1).length; new (globalThis.leak ?? Uint8Array)(2e9).length")]
    [InlineData("Reflect.construct = (t, a) => t; new Uint8Array(1); new Uint8Array(2e9).length")]
    [InlineData("new ArrayBuffer(8, { maxByteLength: 2e9 }).byteLength")]
    [InlineData("new ArrayBuffer(8).transfer(2e9).byteLength")]
    [InlineData("'x'.repeat(5e8).length")]
    [InlineData("''.padStart(5e8).length")]
    [InlineData("'x'.padEnd(5e8, 'yz').length")]
    [InlineData("Array(1e9).fill(0).length")]
    [InlineData("new Array(1e6).join('x'.repeat(1e4)).length")]
    [InlineData("new Uint8Array(1e6).join('x'.repeat(1e4)).length")]
    [InlineData("'x'.repeat(1e5).replace(/x/g, 'y'.repeat(1e3)).length")]
    [InlineData("'x'.repeat(1e5).replaceAll('x', 'y'.repeat(1e3)).length")]
    [InlineData("'x'.repeat(1e5).split('x').join('y'.repeat(1e3)).length")]
    [InlineData("[].concat(Array(1e9)).length")]
    [InlineData("Array.prototype.map.call({ length: 1e9 }, x => x).length")]
    [InlineData("JSON.stringify(Array(1e4).fill('x'.repeat(1e5))).length")]
    [InlineData("let o = {}; for (let i = 0; i < 40; i++) o = { a: o, b: o }; JSON.stringify(o).length")]
    [InlineData("let o = {}; for (let i = 0; i < 40; i++) o = { a: o, b: o }; JSON.stringify(o, (k, v) => v).length")]
    [InlineData("let o = {}; for (let i = 0; i < 40; i++) o = { a: o, b: o }; JSON.stringify(o, ['a', 'b']).length")]
    [InlineData("let a = []; for (let i = 0; i < 3000; i++) a = [a]; JSON.stringify(a, null, 10).length")]
    [InlineData("String(encodeURIComponent('\\u4e00'.repeat(5e5)).length)")]
    [InlineData("String(encodeURI('\\u4e00'.repeat(5e5)).length)")]
    [InlineData("String(escape('\\u4e00'.repeat(8e5)).length)")]
    [InlineData("String('\\ufdfa'.repeat(2e5).normalize('NFKD').length)")]
    [InlineData("String(Object.keys(new Uint8Array(2e6)).length)")]
    [InlineData("String(Reflect.ownKeys(new Uint8Array(2e6)).length)")]
    [InlineData("String(Object.entries('x'.repeat(1e6)).length)")]
    [InlineData("String(new Intl.ListFormat('en').format(Array(1000).fill('x'.repeat(1e4))).length)")]
    [InlineData("String(encodeURIComponent(encodeURIComponent(encodeURIComponent(encodeURIComponent('\\u4e00'.repeat(1e5))))).length)")]
    public async Task ANativeCallThatWouldAllocatePastTheMemoryLimit_Faults(string script)
    {
        var instance = await Run(script, Loose);

        AssertFaulted(instance, "the script used more than the memory limit of 4 MB");
    }

    // One expression is one statement and Jint looks at its limits before a statement, not after: what the last native
    // calls of a script took is seen by the check after the evaluation. (Jint also looks on some calls, so these would
    // fault without it; the tests of JavaScriptGuards.Finished below need no such luck.)
    [Theory]
    [InlineData("String('\\ufb03'.repeat(1e6).toUpperCase().length)")]
    [InlineData("'\\ufb03'.repeat(1e6).toUpperCase()")]
    public async Task ASingleExpressionThatEndsPastTheMemoryLimit_Faults(string script)
    {
        var instance = await Run(script, Loose);

        AssertFaulted(instance, "the script used more than the memory limit of 4 MB");
    }

    [Fact]
    public async Task ASingleExpressionThatEndsPastTheTimeLimit_Faults()
    {
        // Splitting and sorting a million characters takes far more than a millisecond.
        var instance = await Run("'ba'.repeat(5e5).split('').sort().length",
            Loose with { Timeout = TimeSpan.FromMilliseconds(1), MemoryBytes = 256 * 1024 * 1024 });

        AssertFaulted(instance, "the script ran longer than the time limit of 1 ms");
    }

    [Fact]
    public void AnEvaluationThatAllocatedPastTheMemoryLimit_FaultsWhenItFinishes()
    {
        var guards = JavaScriptGuards.Install(new Jint.Engine(), Loose);
        guards.Started();

        GC.KeepAlive(new byte[5 * 1024 * 1024]);

        Assert.Throws<Jint.Runtime.MemoryLimitExceededException>(guards.Finished);
    }

    [Fact]
    public void AnEvaluationThatRanPastTheTimeLimit_FaultsWhenItFinishes()
    {
        var guards = JavaScriptGuards.Install(new Jint.Engine(), Loose with { Timeout = TimeSpan.FromMilliseconds(1) });
        guards.Started();

        Thread.Sleep(20);

        Assert.Throws<TimeoutException>(guards.Finished);
    }

    [Fact]
    public void AnEvaluationWithinTheLimits_Finishes()
    {
        var guards = JavaScriptGuards.Install(new Jint.Engine(), Loose);
        guards.Started();

        guards.Finished();
    }

    [Theory]
    [InlineData("Atomics")]
    [InlineData("SharedArrayBuffer")]
    [InlineData("WeakRef")]
    [InlineData("FinalizationRegistry")]
    public async Task GlobalsThatCanBlockOrObserveTheCollector_AreNotDefined(string name)
    {
        var instance = await Run($"typeof {name} === 'undefined' && !('{name}' in globalThis)", Loose);

        Assert.Empty(instance.Incidents);
        Assert.True(instance.Variables["result"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AtomicsWait_CannotHoldTheThread()
    {
        var instance = await Run("String(Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000))", Loose);

        AssertFaulted(instance, "Atomics is not defined");
    }

    [Fact]
    public void RegularExpressions_GetTheScriptsTimeLimit_AsTheirMatchTimeout()
    {
        var engine = new ExpressionEngine(Loose with { Timeout = TimeSpan.FromMilliseconds(300) }, new LiquidLimits(), []);
        var options = new Jint.Options();

        engine.ConfigureJavaScript(options);

        Assert.Equal(TimeSpan.FromMilliseconds(300), options.Constraints.RegexTimeout);
    }

    [Fact]
    public async Task AScriptCannotCatchTheMemoryLimit()
    {
        var instance = await Run("try { new Uint8Array(2e9); 'went on' } catch (e) { 'caught' }", Loose);

        AssertFaulted(instance, "the script used more than the memory limit of 4 MB");
    }

    [Fact]
    public async Task TypedArraysAndStringMethodsWithinTheLimits_WorkAsBefore()
    {
        var instance = await Run("""
            const bytes = Uint8Array.from([1, 2, 3]);
            const copy = bytes.slice(1);
            const buffer = new ArrayBuffer(16);
            [bytes instanceof Uint8Array, copy instanceof Uint8Array, copy.join('-'), new DataView(buffer).byteLength,
             'ab'.repeat(3), '7'.padStart(3, '0'), 'a-b'.replace('-', '+'), 'a.b.c'.replaceAll('.', '$&$&'), [1, [2, 3]].join(';'),
             /^(a+)+$/.test('aaa'), String([4, 5]),
             JSON.stringify({ b: [1, 'x"', { c: null }], a: 2, e: undefined, g: { toJSON: () => 'j' } }, null, 1).replace(/\n/g, '|'),
             JSON.stringify({ b: 1, a: { b: 2, c: 3 }, c: 4 }, ['c', 'b', 'a']), JSON.stringify({ n: 1 }, (k, v) => k === 'n' ? v * 10 : v),
             encodeURIComponent('a b/\u4e00'), encodeURI('/a b?x=1'), escape('a b'), 'ab'.normalize('NFD'), Object.keys('ab'), Object.keys({ k: 1 }), new Intl.ListFormat('en').format(['a', 'b', 'c'])].join(' ')
            """, Loose);

        Assert.Empty(instance.Incidents);
        Assert.Equal("""true true 2-3 16 ababab 007 a+b a..b..c 1;2,3 true 4,5 {| "b": [|  1,|  "x\"",|  {|   "c": null|  }| ],| "a": 2,| "g": "j"|} {"c":4,"b":1,"a":{"c":3,"b":2}} {"n":10} a%20b%2F%E4%B8%80 /a%20b?x=1 a%20b ab 0,1 k a, b, and c""",
            instance.Variables["result"]!.GetValue<string>());
    }
}

using System.Diagnostics;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// Jint checks its memory limit between statements and inside its own loops, that is after an allocation: one native
/// call asked for a large size (<c>new Uint8Array(2e9)</c>, <c>'x'.repeat(5e8)</c>, a join or replace that multiplies
/// a string) would take the memory before anything looks. These guards wrap the natives whose allocation follows from
/// their arguments and refuse, before they run, a call that would take the script past its memory limit. The refusal
/// is Jint's own <see cref="MemoryLimitExceededException"/>, a CLR exception the script cannot catch.
/// </summary>
internal sealed class JavaScriptGuards
{
    private static readonly string[] Buffers = ["ArrayBuffer", "Int8Array", "Uint8Array", "Uint8ClampedArray",
        "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];

    // Typed array and buffer constructors are wrapped in a Proxy (so instanceof, statics, subclassing and species keep
    // working) whose construct trap asks the host first; prototype.constructor points at the proxy too, so the
    // original is not reachable from an instance. Reflect.construct, Object.defineProperty and Proxy are taken when the
    // engine is made, before a script can replace them; the handler and descriptors have no prototype a script could add
    // traps or accessors to (the proxies are made on first use, after the script ran).
    private static readonly Prepared<Acornima.Ast.Script> ProxyMaker = Engine.PrepareScript("""
        (() => {
          const construct = Reflect.construct, define = Object.defineProperty, P = Proxy;
          return (reserve, names, originals) => {
            for (let i = 0; i < names.length; i++) {
              const name = names[i], C = originals[i];
              if (typeof C !== 'function') continue;
              const size = C.BYTES_PER_ELEMENT ?? 1;
              const proxy = new P(C, {
                __proto__: null,
                construct(target, args, newTarget) {
                  reserve(name, size, args[0], args[1]);
                  return construct(target, args, newTarget);
                },
              });
              define(globalThis, name, { __proto__: null, value: proxy, writable: true, enumerable: false, configurable: true });
              define(C.prototype, 'constructor', { __proto__: null, value: proxy, writable: true, enumerable: false, configurable: true });
            }
          };
        })()
        """, strict: true);

    // Atomics.wait blocks the thread for as long as it is asked (Infinity too), outside every limit; WeakRef and
    // FinalizationRegistry let a script observe the collector. No workflow needs them, nor shared memory.
    private static readonly string[] Removed = ["Atomics", "SharedArrayBuffer", "WeakRef", "FinalizationRegistry"];

    private readonly Engine _js;
    private readonly long _limit;
    private readonly TimeSpan _timeout;
    private long _start;
    private long _startedAt;

    private JavaScriptGuards(Engine js, long limit, TimeSpan timeout)
    {
        _js = js;
        _limit = limit;
        _timeout = timeout;
        Started();
    }

    public static JavaScriptGuards Install(Engine js, JavaScriptLimits limits)
    {
        foreach (var name in Removed) js.Global.Delete(name);
        var guards = new JavaScriptGuards(js, limits.MemoryBytes, limits.Timeout);
        var global = js.Global;
        guards.Wrap(global, "encodeURIComponent", (_, args) => CharBytes * Escaped(args.At(0)));
        guards.Wrap(global, "encodeURI", (_, args) => CharBytes * Escaped(args.At(0)));
        guards.Wrap(global, "escape", (_, args) => CharBytes * Escaped(args.At(0)));
        var objects = js.Evaluate("Object").AsObject();
        foreach (var name in (string[])["keys", "values", "entries", "getOwnPropertyNames"])
            guards.Wrap(objects, name, (_, args) => Listed(args.At(0)));
        guards.Wrap(js.Evaluate("Reflect").AsObject(), "ownKeys", (_, args) => Listed(args.At(0)));
        guards.Wrap(js.Evaluate("Intl.ListFormat.prototype").AsObject(), "format", (_, args) => ListFormatted(args.At(0)));
        var strings = js.Evaluate("String.prototype").AsObject();
        guards.Wrap(strings, "normalize", (self, _) => CharBytes * Normalized(self));
        guards.Wrap(strings, "repeat", (self, args) => CharBytes * Chars(self) * TypeConverter.ToIntegerOrInfinity(args.At(0)));
        guards.Wrap(strings, "padStart", Padded);
        guards.Wrap(strings, "padEnd", Padded);
        var match = strings.Get("match");
        guards.Wrap(strings, "replace", (self, args) => guards.Replaced(self, args, match, all: false));
        guards.Wrap(strings, "replaceAll", (self, args) => guards.Replaced(self, args, match, all: true));
        guards.Wrap(js.Evaluate("Array.prototype").AsObject(), "join", Joined);
        JsonStringifyGuard.Install(js, guards.Reserve);
        guards.DeferBuffers();
        return guards;
    }

    /// <summary>
    /// Making the buffer constructors' proxies costs milliseconds, mostly in creating the constructors themselves, and
    /// few expressions use them: each of their globals becomes an accessor that, on first touch of any of them, puts
    /// every proxy in place. Until then no typed array or buffer can exist, so none of the originals is reachable.
    /// </summary>
    private void DeferBuffers()
    {
        var maker = _js.Evaluate(ProxyMaker);
        var originals = Buffers.Select(name => _js.Global.GetOwnProperty(name)).ToArray();
        var installed = false;
        void InstallAll()
        {
            if (installed) return;
            installed = true;
            var values = originals.Select(d => d == PropertyDescriptor.Undefined ? JsValue.Undefined : d.Value).ToArray();
            _js.Call(maker, JsValue.Undefined, [new ClrFunction(_js, "reserve", ReserveForConstructor, 4),
                new JsArray(_js, [.. Buffers.Select(n => (JsValue)new JsString(n))]), new JsArray(_js, values)]);
            // Taken from the originals, not from globals a script may have replaced by now.
            var typedArrayPrototype = values[Array.IndexOf(Buffers, "Uint8Array")].AsObject().Get("prototype").AsObject().Prototype!;
            Wrap(typedArrayPrototype, "join", Joined);
            var buffers = values[Array.IndexOf(Buffers, "ArrayBuffer")].AsObject().Get("prototype").AsObject();
            Wrap(buffers, "transfer", Transferred);
            Wrap(buffers, "transferToFixedLength", Transferred);
        }
        foreach (var name in Buffers)
        {
            if (_js.Global.GetOwnProperty(name) == PropertyDescriptor.Undefined) continue;
            var get = new ClrFunction(_js, name, (_, _) =>
            {
                InstallAll();
                return _js.Global.Get(name);
            });
            var set = new ClrFunction(_js, name, (_, args) =>
            {
                InstallAll();
                _js.Global.Set(name, args.At(0));
                return JsValue.Undefined;
            }, 1);
            _js.Global.DefineOwnProperty(name, new GetSetPropertyDescriptor(get, set, enumerable: false, configurable: true));
        }
    }

    /// <summary>Called before each evaluation: the limit, like Jint's own, is on what one evaluation allocates.</summary>
    public void Started()
    {
        _start = GC.GetAllocatedBytesForCurrentThread();
        _startedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Called after each evaluation. Jint looks at its limits before a statement, never after one, so a script that is
    /// one expression would complete whatever its last native calls took; this is the check the next statement would make,
    /// with Jint's measures (bytes the thread allocated, wall-clock time) and Jint's exceptions.
    /// </summary>
    public void Finished()
    {
        var used = GC.GetAllocatedBytesForCurrentThread() - _start;
        if (used > _limit)
            throw new MemoryLimitExceededException($"the script allocated {used} bytes, past the limit of {_limit}");
        if (Stopwatch.GetElapsedTime(_startedAt) > _timeout)
            throw new TimeoutException();
    }

    private void Reserve(double bytes, string what)
    {
        var used = GC.GetAllocatedBytesForCurrentThread() - _start;
        if (used + bytes > _limit)
            throw new MemoryLimitExceededException($"{what} would allocate {bytes:0} bytes, past the limit of {_limit}");
    }

    private void Wrap(ObjectInstance target, string name, Func<JsValue, JsValue[], double> bytes)
    {
        var original = target.Get(name);
        var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
        var wrapper = new ClrFunction(_js, name, (self, args) =>
        {
            Reserve(bytes(self, args), name);
            return _js.Call(original, self, args);
        }, length, PropertyFlag.Configurable);
        target.DefineOwnProperty(name, new PropertyDescriptor(wrapper, PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    private JsValue ReserveForConstructor(JsValue self, JsValue[] args)
    {
        var (name, size, first, second) = (args.At(0).ToString(), TypeConverter.ToNumber(args.At(1)), args.At(2), args.At(3));
        var count = first switch
        {
            JsArrayBuffer => 0, // a view on an existing buffer allocates nothing
            ObjectInstance o => TypeConverter.ToNumber(o.Get("length")) is var n && double.IsFinite(n) ? n : 0,
            _ when first.IsUndefined() => 0,
            _ => TypeConverter.ToNumber(first),
        };
        var maxByteLength = second is ObjectInstance options && options.Get("maxByteLength") is { } max && !max.IsUndefined()
            ? TypeConverter.ToNumber(max) : 0;
        Reserve(Math.Max(count * size, maxByteLength), name);
        return JsValue.Undefined;
    }

    private const double CharBytes = sizeof(char);

    private static double Chars(JsValue value) => TypeConverter.ToString(value).Length;

    /// <summary>
    /// An upper bound of the escaped length: a unit outside ASCII becomes up to nine characters (<c>%E4%B8%80</c>), half of
    /// a surrogate pair six, an ASCII character that is not a letter or digit three (<c>escape</c> writes at most six).
    /// </summary>
    private static double Escaped(JsValue value)
    {
        var text = TypeConverter.ToString(value);
        double length = 0;
        foreach (var c in text)
            length += char.IsAsciiLetterOrDigit(c) ? 1 : c < 0x80 ? 3 : char.IsSurrogate(c) ? 6 : 9;
        return length;
    }

    // A compatibility decomposition makes up to 18 characters of one (U+FDFA); ASCII is left as it is.
    private static double Normalized(JsValue self)
    {
        if (self.IsNull() || self.IsUndefined()) return 0;
        var text = TypeConverter.ToString(self);
        double length = 0;
        foreach (var c in text) length += char.IsAscii(c) ? 1 : 18;
        return length;
    }

    // A string's or typed array's indices are not stored: listing them makes a string and a slot for each (Jint's array
    // size limit looks only once all are made). An ordinary object's keys already exist.
    private const double BytesPerKey = 48;

    private static double Listed(JsValue target) => target switch
    {
        JsString s => BytesPerKey * s.Length,
        JsTypedArray a => BytesPerKey * TypeConverter.ToLength(a.Get("length")),
        _ => 0,
    };

    // A join in words ("a, b, and c"): the items' text and a separator of a few words each. Only an array is counted; a
    // Set holds each string once, so it cannot multiply one.
    private static double ListFormatted(JsValue list)
    {
        if (list is not JsArray items) return 0;
        double length = 0;
        for (var i = 0; i < (int)Math.Min(TypeConverter.ToLength(items.Get("length")), int.MaxValue); i++)
            length += (items.Get(i) is JsString item ? item.Length : 0) + 16;
        return CharBytes * length;
    }

    private static double Padded(JsValue self, JsValue[] args) =>
        !args.At(1).IsUndefined() && TypeConverter.ToString(args.At(1)).Length == 0 ? 0 : CharBytes * TypeConverter.ToLength(args.At(0));

    private static double Joined(JsValue self, JsValue[] args)
    {
        var length = self is ObjectInstance o ? (double)TypeConverter.ToLength(o.Get("length")) : 0;
        var separator = args.At(0).IsUndefined() ? 1 : Chars(args.At(0));
        return CharBytes * Math.Max(0, length - 1) * separator;
    }

    private static double Transferred(JsValue self, JsValue[] args) =>
        args.At(0).IsUndefined() ? 0 : TypeConverter.ToNumber(args.At(0));

    /// <summary>
    /// An upper bound of a replacement's result in bytes: each match adds the replacement, and each <c>$</c> in it at most the
    /// whole text. When that bound is too large the matches are counted, so a small replace is never refused.
    /// </summary>
    private double Replaced(JsValue self, JsValue[] args, JsValue match, bool all)
    {
        var (pattern, replacement) = (args.At(0), args.At(1));
        if (replacement is not JsString || self.IsNull() || self.IsUndefined()) return 0; // a function's results are checked as it runs
        var text = TypeConverter.ToString(self);
        var with = replacement.ToString();
        var perMatch = (double)with.Length + with.Count(c => c == '$') * (double)text.Length;
        var bound = text.Length + (text.Length + 1) * perMatch;
        if (CharBytes * bound <= _limit) return CharBytes * bound;
        double matches = pattern switch
        {
            JsRegExp { Global: false } => 1,
            JsRegExp => _js.Call(match, self, [pattern]) is ObjectInstance found ? TypeConverter.ToLength(found.Get("length")) : 0,
            JsString s => Occurrences(text, s.ToString(), all),
            _ => 0, // an object with its own Symbol.replace runs as script
        };
        return CharBytes * (text.Length + matches * perMatch);
    }

    private static double Occurrences(string text, string search, bool all)
    {
        if (search.Length == 0) return all ? text.Length + 1 : 1;
        var count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0 && (all || count == 0); at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}

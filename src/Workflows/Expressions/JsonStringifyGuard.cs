using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace AfterSales.Workflows.Expressions;

/// <summary>
/// JSON.stringify writes every path to a shared value and indents by depth, so a small graph (an object whose two
/// properties are the same object, forty deep) asks for terabytes in one native call. This runs the original with a
/// replacer of ours, called for every value written, that adds up what the text will hold and stops the script at
/// the memory limit. A replacer of the script's own still runs, inside ours; an array replacer (a key list) is
/// honoured by a counting pass first, since only the original keeps its key order. One instance per call, so a
/// stringify inside a replacer counts on its own.
/// </summary>
internal sealed class JsonStringifyGuard(Engine js, JsValue original, Action<double, string> reserve)
{
    private readonly List<JsValue> _holders = [];
    private JsValue? _lastObject;
    private double _characters;
    private JsValue _replacer = JsValue.Undefined;
    private HashSet<string>? _keys;
    private int _gap;

    public static ClrFunction Install(Engine js, Action<double, string> reserve)
    {
        var json = js.Evaluate("JSON").AsObject();
        var original = json.Get("stringify");
        var wrapper = new ClrFunction(js, "stringify", (_, args) => new JsonStringifyGuard(js, original, reserve).Stringify(args), 3,
            Jint.Runtime.Descriptors.PropertyFlag.Configurable);
        json.DefineOwnProperty("stringify", new Jint.Runtime.Descriptors.PropertyDescriptor(wrapper,
            Jint.Runtime.Descriptors.PropertyFlag.Writable | Jint.Runtime.Descriptors.PropertyFlag.Configurable));
        return wrapper;
    }

    private JsValue Stringify(JsValue[] args)
    {
        var (value, replacer, space) = (args.At(0), args.At(1), args.At(2));
        _gap = Gap(space);
        var counter = new ClrFunction(js, "", (holder, a) => Visit(holder, a.At(0), a.At(1)), 2);
        if (replacer is JsArray list)
        {
            _keys = [.. Enumerable.Range(0, (int)TypeConverter.ToLength(list.Get("length"))).Select(i => list.Get(i)).Where(k => k.IsString() || k.IsNumber()).Select(TypeConverter.ToString)];
            js.Call(original, JsValue.Undefined, [value, counter, space]);
            return js.Call(original, JsValue.Undefined, [value, replacer, space]);
        }
        _replacer = replacer;
        return js.Call(original, JsValue.Undefined, [value, counter, space]);
    }

    private JsValue Visit(JsValue holder, JsValue key, JsValue value)
    {
        if (_lastObject is not null && ReferenceEquals(holder, _lastObject)) _holders.Add(holder);
        else while (_holders.Count > 0 && !ReferenceEquals(_holders[^1], holder)) _holders.RemoveAt(_holders.Count - 1);
        var root = _holders.Count == 0;
        if (root) _holders.Add(holder);

        var name = TypeConverter.ToString(key);
        if (_keys is not null && !root && holder is not JsArray && !_keys.Contains(name)) return JsValue.Undefined;
        if (_replacer.IsCallable()) value = js.Call(_replacer, holder, [key, value]);

        _characters += name.Length + 4 + _gap * _holders.Count + value switch
        {
            JsString s => Escaped(s.ToString()),
            ObjectInstance o when !o.IsCallable() => 2,
            _ => 24, // a number, a boolean or null
        };
        reserve(sizeof(char) * _characters, "JSON.stringify");
        _lastObject = value is ObjectInstance o2 && !o2.IsCallable() ? value : null;
        return value;
    }

    private static double Escaped(string text) => text.Length + 2 + text.Count(c => c < ' ' || c is '"' or '\\') * 5.0;

    private static int Gap(JsValue space) => space switch
    {
        JsNumber n => (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(n), 0, 10),
        JsString s => Math.Min(10, s.ToString().Length),
        ObjectInstance => 10, // a Number or String object: the widest gap, as this only counts
        _ => 0,
    };
}

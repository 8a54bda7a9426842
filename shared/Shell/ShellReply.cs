using System.Collections;
using Capteur.Node.Text;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// The output of one console line: plain lines for people, or in json mode one JSON object a command
    /// (<c>{"ok":true,...}</c> / <c>{"ok":false,"error":"..."}</c>), for tools. Lines have no line end.
    /// </summary>
    internal sealed class ShellReply
    {
        private readonly ArrayList _lines = new ArrayList();

        /// <summary>True for json mode.</summary>
        public bool Json;

        /// <summary>Adds a plain line (human mode).</summary>
        public void Line(string text)
        {
            _lines.Add(text);
        }

        /// <summary>A JSON result under way: <c>{"ok":true</c>, to be ended by <see cref="End"/>.</summary>
        public JsonWriter Ok()
        {
            return new JsonWriter().BeginObject().Property("ok", true);
        }

        /// <summary>Closes <paramref name="json"/> and adds it as one line.</summary>
        public void End(JsonWriter json)
        {
            _lines.Add(json.EndObject().ToString());
        }

        /// <summary>
        /// Reports a failed command: <paramref name="message"/>, the <paramref name="problems"/> behind it (may be
        /// null), and the labels of the commands of the line left unrun (may be null).
        /// </summary>
        public void Error(string message, string[] problems, string[] notRun)
        {
            if (Json)
            {
                JsonWriter json = new JsonWriter().BeginObject().Property("ok", false).Property("error", message);
                if (problems != null)
                {
                    Strings(json, "problems", problems);
                }

                if (notRun != null)
                {
                    Strings(json, "not_run", notRun);
                }

                End(json);
                return;
            }

            _lines.Add("error: " + message);
            for (int i = 0; problems != null && i < problems.Length; i++)
            {
                _lines.Add("  " + problems[i]);
            }

            if (notRun != null)
            {
                _lines.Add("not run: " + ShellText.Join(notRun) + " (a line stops at its first error)");
            }
        }

        /// <summary>Writes a property holding an array of strings.</summary>
        public static void Strings(JsonWriter json, string name, string[] items)
        {
            json.BeginArray(name);
            for (int i = 0; i < items.Length; i++)
            {
                json.Value(items[i]);
            }

            json.EndArray();
        }

        /// <summary>The lines so far.</summary>
        public string[] ToArray()
        {
            string[] lines = new string[_lines.Count];
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = (string)_lines[i];
            }

            return lines;
        }

        /// <summary>Forgets the lines.</summary>
        public void Clear()
        {
            _lines.Clear();
        }
    }
}

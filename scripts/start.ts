/** `npm start`: the main job. For now the sandbox; the broker and the add-in server join it as they land. */
import "../server/sandbox/main";

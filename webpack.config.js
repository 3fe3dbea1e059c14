const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** One shared runtime: the taskpane page also loads the functions and commands bundles (ARCHITECTURE.md). */
module.exports = (_env, argv) => ({
  mode: argv.mode || "development",
  // Development: source maps in files (no eval-based ones: the add-in origin's CSP forbids eval). Production: none,
  // so the add-in origin never hands its sources to browsers.
  devtool: argv.mode === "production" ? false : "source-map",
  entry: {
    functions: "./src/functions/functions.ts",
    commands: "./src/commands/commands.ts",
    taskpane: "./src/taskpane/index.tsx",
    dialog: "./src/dialog/index.ts",
    host: "./src/host/index.ts",
    "office-loader": "./src/host/office-loader.ts",
  },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    // ES modules out of TypeScript, so webpack can drop what is not used (Fluent UI's icons above all).
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "es2020" } } } }],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "commands", "taskpane"],
      chunksSortMode: "manual",
    }),
    new HtmlWebpackPlugin({ filename: "host.html", template: "./src/host/host.html", chunks: ["host"] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets", to: "assets" },
        // The preview workbook (host.html) reads it as Excel does: taskpane page, functions.json, namespace.
        { from: "manifest.xml", to: "manifest.xml" },
        // office.js served from the add-in origin, so everything works offline: the Excel host scripts and en-us only.
        {
          from: "node_modules/@microsoft/office-js/dist",
          to: "office-js",
          globOptions: { ignore: ["**/*.debug.js", "**/*.map", "**/*-vsdoc.js"] },
          filter: (file) => /[\\/]dist[\\/](office|excel[^\\/]*|custom-functions-runtime|o15apptofilemappingtable|es6-promise)\.js$|[\\/]en-us[\\/]/.test(file),
        },
      ],
    }),
  ],
  performance: { hints: false },
});

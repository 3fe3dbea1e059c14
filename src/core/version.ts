/** The add-in's version, shown in the taskpane and by =BINCK.VERSION(). */
export const ADDIN_VERSION = "0.1.0";

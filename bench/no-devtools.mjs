// ink imports React's devtools only when DEV is set: an empty stand-in keeps the bundle as ink's users ship it.
export default {};

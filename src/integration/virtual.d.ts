/** The virtual module of src/integration/integration.ts. */
declare module 'virtual:versioned-docs/site' {
  const site: import('./integration.ts').VirtualSite;
  export default site;
}

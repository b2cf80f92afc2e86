export function App() {
  return <main className="placeholder">窓口</main>;
}

/** The marks a component carries on a card and on its page. */
export function Badges({ certified, deprecated, isPrivate }: { certified: boolean; deprecated?: string | null; isPrivate?: boolean }) {
  return (
    <span className="badges">
      {certified && <span className="badge certified">Certified</span>}
      {deprecated && <span className="badge deprecated">Deprecated</span>}
      {isPrivate && <span className="badge private">Private</span>}
    </span>
  );
}

// Completion of the draft's own ids where a key names one: an approach in `weights`,
// `rulesOut`, `caveats` and a dimension's `ratings`, a dimension in `priorities`. The
// schema knows only that these are maps; the ids are the draft's.
import { syntaxTree } from '@codemirror/language';

/** What each map's keys name: the draft's list they come from. */
const KEYS_NAME = {
  weights: 'approaches',
  rulesOut: 'approaches',
  caveats: 'approaches',
  ratings: 'approaches',
  priorities: 'dimensions',
};
const WHAT = { approaches: 'approach', dimensions: 'dimension' };

/**
 * A CodeMirror completion source; `draft()` returns the last parsed draft (or null),
 * whose approaches' and dimensions' ids are offered.
 */
export function draftIdCompletion(draft) {
  return (context) => {
    const typed = context.matchBefore(/"[\w.-]*$/);
    if (!typed && !context.explicit) return null;
    const list = KEYS_NAME[mapKeyAt(context.state, context.pos)];
    const ids = list && draft()?.[list]?.map((item) => item?.id).filter((id) => typeof id === 'string');
    if (!ids?.length) return null;
    return {
      // After the opening quote the id alone; with nothing typed, the whole key.
      from: typed ? typed.from + 1 : context.pos,
      options: ids.map((id) => ({ label: id, type: 'property', detail: WHAT[list], apply: typed ? id : `"${id}": ` })),
      validFor: /^[\w.-]*$/,
    };
  };
}

/** The key of the property whose object value the position is in, at a key's place. */
function mapKeyAt(state, pos) {
  let node = syntaxTree(state).resolveInner(pos, -1);
  // A property's value (a caveat's text, closed or not) is no place for an id: the
  // property already has its name before it.
  const ownName = node.parent?.name === 'Property' ? node.parent.getChild('PropertyName') : null;
  if (ownName && node.from >= ownName.to) return null;
  // A key being typed is a PropertyName (or a String, or an error, while unfinished).
  if (node.name === 'PropertyName' || node.name === 'String' || node.name === '⚠') node = node.parent;
  while (node && node.name !== 'Object') node = node.parent;
  const property = node?.parent;
  if (!property || property.name !== 'Property') return null;
  const name = property.getChild('PropertyName');
  if (!name) return null;
  try {
    return JSON.parse(state.doc.sliceString(name.from, name.to));
  } catch {
    return null;
  }
}

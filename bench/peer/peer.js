// The peer: our default quiz (content/en.json) as a SurveyJS survey with a start page,
// one question per page, and on completion the same scores as the widget plus a Chart.js
// radar chart of every approach's rating on each dimension.
(function () {
  const content = window.OVP_CONTENT;
  const json = {
    title: content.title,
    firstPageIsStartPage: true,
    startSurveyText: 'Start',
    pageNextText: 'Next',
    pagePrevText: 'Back',
    completeText: 'See result',
    showProgressBar: 'top',
    showCompletedPage: false,
    pages: [
      { name: 'intro', elements: [{ type: 'html', name: 'intro', html: `<p>${content.intro}</p>` }] },
      ...content.questions.map((q) => ({
        name: q.id,
        elements: [{
          type: 'radiogroup', name: q.id, title: q.prompt, description: q.hint, isRequired: true,
          choices: q.options.map((o) => ({ value: o.id, text: o.label })),
        }],
      })),
    ],
  };

  // The widget's scoring: direct weights plus priority × (rating − 3) / 2 per dimension.
  function score(answers) {
    const scores = content.approaches.map(() => 0);
    for (const q of content.questions) {
      const o = q.options.find((x) => x.id === answers[q.id]);
      if (!o) continue;
      content.approaches.forEach((a, i) => {
        scores[i] += o.weights?.[a.id] ?? 0;
        for (const d of content.dimensions) {
          const p = o.priorities?.[d.id];
          if (p) scores[i] += (p * (d.ratings[a.id].score - 3)) / 2;
        }
      });
    }
    let lead = 0;
    scores.forEach((s, i) => { if (s > scores[lead]) lead = i; });
    const tie = content.tie;
    if (tie) {
      const [x, y] = tie.between.map((id) => content.approaches.findIndex((a) => a.id === id));
      if ((lead === x || lead === y) && Math.abs(scores[x] - scores[y]) <= tie.margin) {
        lead = content.approaches.findIndex((a) => a.id === tie.recommend);
      }
    }
    return { scores, lead };
  }

  const survey = new Survey.Model(json);
  survey.onComplete.add((sender) => {
    const { scores, lead } = score(sender.data);
    const result = document.getElementById('result');
    result.hidden = false;
    document.getElementById('result-heading').textContent = `Our suggestion: ${content.approaches[lead].name}`;
    document.getElementById('result-scores').replaceChildren(...content.approaches.map((a, i) => {
      const li = document.createElement('li');
      li.textContent = `${a.name}: ${scores[i].toFixed(1)} points`;
      return li;
    }));
    new Chart(document.getElementById('result-chart'), {
      type: 'radar',
      data: {
        labels: content.dimensions.map((d) => d.name),
        datasets: content.approaches.map((a) => ({
          label: a.name, data: content.dimensions.map((d) => d.ratings[a.id].score),
        })),
      },
      options: { scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } } },
    });
    document.dispatchEvent(new CustomEvent('peer:complete'));
  });
  SurveyUI.renderSurvey(survey, document.getElementById('quiz'));
})();
